package org.parley.ticket.auth;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.parley.platform.limits.TokenBucket;

/**
 * The per-address limit on room upgrade attempts: one token bucket per remote address, in a map of bounded size.
 * Plain Java with an injected clock.
 */
final class UpgradeThrottle {

    private final double rate;
    private final int burst;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new HashMap<>();

    UpgradeThrottle(double rate, int burst, int maxAddresses, Clock clock) {
        this.rate = rate;
        this.burst = burst;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
        // Fail at start-up, not at the first upgrade, on a nonsensical setting.
        new TokenBucket(rate, burst, clock);
    }

    /** Counts one upgrade attempt from this address; false when the address is over its limit. */
    synchronized boolean allow(String address) {
        TokenBucket bucket = buckets.get(address);
        if (bucket == null) {
            if (buckets.size() >= maxAddresses) {
                forgetIdle();
            }
            bucket = new TokenBucket(rate, burst, clock);
            buckets.put(address, bucket);
        }
        return bucket.tryTake();
    }

    synchronized int trackedAddresses() {
        return buckets.size();
    }

    /**
     * A full bucket is the same as no bucket, so forgetting it changes nothing. If every address is busy (a flood
     * from more addresses than the map holds), all are forgotten: memory stays bounded, and the flood meets the
     * limit again after one burst per address.
     */
    private void forgetIdle() {
        buckets.values().removeIf(TokenBucket::isFull);
        if (buckets.size() >= maxAddresses) {
            buckets.clear();
        }
    }
}
