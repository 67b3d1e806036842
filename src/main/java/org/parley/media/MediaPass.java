package org.parley.media;

import java.util.Objects;
import org.parley.room.domain.MediaChange;

/**
 * What one grant lets its participant's client do: join media room {@code mediaRoom} as publisher {@code feed}
 * with {@code token}. The token is a credential: {@link #toString()} leaves it out.
 */
public record MediaPass(MediaChange.Grant grant, long mediaRoom, long feed, String token) {

    public MediaPass {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "MediaPass[grant=" + grant + ", mediaRoom=" + mediaRoom + ", feed=" + feed + "]";
    }
}
