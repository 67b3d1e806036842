package org.parley.media;

import java.util.Objects;

/**
 * One room on the media server: Parley's key for it, the server's id, and the room secret only Parley holds (never
 * printed: {@link #toString()} leaves it out).
 */
public record MediaRoom(String key, long id, String secret) {

    public MediaRoom {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "MediaRoom[key=" + key + ", id=" + id + "]";
    }
}
