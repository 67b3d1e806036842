package org.parley.identity.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo identity provider's single sign-on sessions: an opaque random id (held by the browser in an HttpOnly
 * cookie scoped to the provider's own path) names the demo account that signed in, until it expires or the person
 * signs out. It is what lets a reloaded page sign in again without asking, as Keycloak's own session cookie does;
 * it is no Parley token and opens nothing but a fresh sign-in at the provider. Held in memory only.
 */
final class DemoSignOnSessions {

    /** Sessions kept at most; the oldest are dropped first so that sign-ins cannot grow memory without bound. */
    static final int MAX_SESSIONS = 10_000;

    private record Entry(String username, Instant authenticatedAt, Instant expiresAt) {
    }

    /** Who signed in, and when they last authenticated (what a silent sign-in reports as {@code auth_time}). */
    record SignOn(String username, Instant authenticatedAt) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;

    DemoSignOnSessions(Clock clock, Duration lifetime, SecureRandom random) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for a demo account that just signed in; returns its id. */
    String open(String username) {
        dropExpired();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.expiresAt().compareTo(b.expiresAt())))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        sessions.put(id, new Entry(username, now, now.plus(lifetime)));
        return id;
    }

    /** The sign-on of a live session, or empty when the id is unknown, ended or expired. */
    Optional<SignOn> account(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(new SignOn(entry.username(), entry.authenticatedAt()));
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private void dropExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
    }
}
