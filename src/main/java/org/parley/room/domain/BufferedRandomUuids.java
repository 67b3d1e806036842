package org.parley.room.domain;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random UUIDs (RFC 9562 version 4, as {@link UUID#randomUUID()} makes them) from bytes a {@link SecureRandom} hands
 * out 4 KiB at a time. Each byte is used once; shared by every session, so the refill is guarded.
 */
final class BufferedRandomUuids implements IdSource {

    private static final int IDS_PER_REFILL = 256;

    private final SecureRandom random;
    private final ByteBuffer bytes = ByteBuffer.allocate(IDS_PER_REFILL * 16);

    BufferedRandomUuids(SecureRandom random) {
        this.random = random;
        bytes.position(bytes.limit());
    }

    @Override
    public String nextId() {
        long high;
        long low;
        synchronized (this) {
            if (!bytes.hasRemaining()) {
                random.nextBytes(bytes.array());
                bytes.clear();
            }
            high = bytes.getLong();
            low = bytes.getLong();
        }
        // Version 4 in the high word, the IETF variant in the low one: 122 random bits, as randomUUID() gives.
        high = (high & ~0xF000L) | 0x4000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
