package org.parley.document.grant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.document.DocumentErrors;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SeenPlace;

/**
 * Issues and redeems document grants, in memory only. Presenting a grant uses it up whatever the outcome, so a
 * token that was refused once (for the wrong item, say) cannot be tried again elsewhere. Used tokens are remembered
 * until they would have expired, so that a second use is told apart from a token that never existed.
 */
public final class DocumentGrants {

    private static final int TOKEN_BYTES = 32;
    /** At least this long after expiry a used or expired grant is still recognised as such. */
    private static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;
    private final int maxOutstanding;
    private final Map<String, DocumentGrant> outstanding = new HashMap<>();
    private final Map<String, Instant> used = new HashMap<>();

    public DocumentGrants(Clock clock, SecureRandom random, Duration lifetime, int maxOutstanding) {
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
        this.maxOutstanding = maxOutstanding;
    }

    public synchronized DocumentGrant issueDownload(UUID sessionId, ParticipantId holder, ItemId item) {
        return issue(GrantPurpose.DOWNLOAD, sessionId, holder, Optional.of(item), Optional.empty());
    }

    public synchronized DocumentGrant issueUpload(UUID sessionId, ParticipantId holder, SeenPlace place) {
        return issue(GrantPurpose.UPLOAD, sessionId, holder, Optional.empty(), Optional.of(place));
    }

    private DocumentGrant issue(GrantPurpose purpose, UUID sessionId, ParticipantId holder, Optional<ItemId> item,
            Optional<SeenPlace> place) {
        Instant now = clock.instant();
        forgetExpired(now);
        if (outstanding.size() + used.size() >= maxOutstanding) {
            throw new org.parley.platform.problem.ApiException(429, "rate_limited",
                    "too many document grants are outstanding; try again shortly");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        DocumentGrant grant = new DocumentGrant(token, purpose, sessionId, holder, item, place, now.plus(lifetime));
        outstanding.put(token, grant);
        return grant;
    }

    /**
     * Uses the grant up and answers it when it is this holder's, for this purpose, session and item (a download's),
     * and still within its lifetime; otherwise refuses with a typed code. Within its session, a token of someone
     * else's answers like an unknown one and tells nothing about it.
     */
    public synchronized DocumentGrant redeem(String token, GrantPurpose purpose, UUID sessionId,
            ParticipantId holder, Optional<ItemId> item) {
        Instant now = clock.instant();
        if (token == null || token.isEmpty()) {
            throw DocumentErrors.grant(DocumentErrors.GRANT_INVALID, "no document grant presented");
        }
        DocumentGrant grant = outstanding.remove(token);
        if (grant == null) {
            if (used.containsKey(token)) {
                throw DocumentErrors.grant(DocumentErrors.GRANT_USED, "this document grant was already used");
            }
            throw DocumentErrors.grant(DocumentErrors.GRANT_INVALID, "no such document grant");
        }
        used.put(token, grant.expiresAt());
        // Participants are per case, so in another session the holder is another participant: the session first.
        if (!grant.sessionId().equals(sessionId)) {
            throw DocumentErrors.grant(DocumentErrors.GRANT_OTHER_SESSION, "this document grant is for another session");
        }
        if (!grant.holder().equals(holder) || grant.purpose() != purpose) {
            throw DocumentErrors.grant(DocumentErrors.GRANT_INVALID, "no such document grant");
        }
        if (!now.isBefore(grant.expiresAt())) {
            throw DocumentErrors.grant(DocumentErrors.GRANT_EXPIRED, "this document grant has expired");
        }
        if (!grant.item().equals(item)) {
            throw DocumentErrors.grant(DocumentErrors.GRANT_OTHER_ITEM, "this document grant is for another item");
        }
        return grant;
    }

    /** Grants of an ended session are worthless: they go with it. */
    public synchronized void dropSession(UUID sessionId) {
        outstanding.values().removeIf(grant -> grant.sessionId().equals(sessionId));
    }

    public synchronized int outstanding() {
        return outstanding.size();
    }

    /**
     * Forgets grants a lifetime (at least a minute) after they expired: until then an expired or used grant still answers
     * {@code grant_expired} or {@code already_used} rather than "no such grant".
     */
    private void forgetExpired(Instant now) {
        Instant horizon = now.minus(lifetime.compareTo(REMEMBERED) > 0 ? lifetime : REMEMBERED);
        outstanding.values().removeIf(grant -> !horizon.isBefore(grant.expiresAt()));
        for (Iterator<Map.Entry<String, Instant>> it = used.entrySet().iterator(); it.hasNext();) {
            if (!horizon.isBefore(it.next().getValue())) {
                it.remove();
            }
        }
    }
}
