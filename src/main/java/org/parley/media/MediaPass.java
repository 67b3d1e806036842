package org.parley.media;

import java.util.Objects;
import org.parley.room.domain.MediaChange;

/**
 * What one grant lets its participant's client do: join media room {@code mediaRoom} as publisher {@code feed}
 * with {@code token}, and publish a shared screen as publisher {@code screenFeed} (0: no screen sharing) with the
 * same token. The token is a credential: {@link #toString()} leaves it out.
 */
public record MediaPass(MediaChange.Grant grant, long mediaRoom, long feed, long screenFeed, String token) {

    public MediaPass {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(token, "token");
    }

    /** A pass without screen sharing. */
    public MediaPass(MediaChange.Grant grant, long mediaRoom, long feed, String token) {
        this(grant, mediaRoom, feed, 0, token);
    }

    @Override
    public String toString() {
        return "MediaPass[grant=" + grant + ", mediaRoom=" + mediaRoom + ", feed=" + feed + ", screenFeed="
                + screenFeed + "]";
    }
}
