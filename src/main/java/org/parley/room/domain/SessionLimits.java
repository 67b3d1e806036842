package org.parley.room.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a live session may sit idle and how long it may run in all, and how long before either end everyone is
 * warned. Decides, from the times alone, whether a session is due a warning or its end.
 */
public record SessionLimits(Duration idleTimeout, Duration maxDuration, Duration warnBefore) {

    public SessionLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(warnBefore, "warnBefore");
        if (!positive(idleTimeout) || !positive(maxDuration) || warnBefore.isNegative()) {
            throw new IllegalArgumentException("the idle timeout and maximum duration must be positive, the warning"
                    + " lead not negative");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isZero() && !duration.isNegative();
    }

    /** What is due at {@code now}: nothing, a warning of the end to come, or the end. */
    public sealed interface Due permits Nothing, Warning, End {
    }

    /** Nothing is due. */
    public record Nothing() implements Due {
    }

    /** The session will end for {@code reason} at {@code endsAt} unless someone acts (idle) in the meantime. */
    public record Warning(EndReason reason, Instant endsAt) implements Due {
    }

    /** The session must end now, for {@code reason}. */
    public record End(EndReason reason) implements Due {
    }

    /**
     * What is due for a session started at {@code startedAt} whose last frame came at {@code lastActivity}. The
     * end that comes first wins; when both fall at once, the maximum duration is named, as no activity helps.
     */
    public Due due(Instant startedAt, Instant lastActivity, Instant now) {
        Instant maxEnd = startedAt.plus(maxDuration);
        Instant idleEnd = lastActivity.plus(idleTimeout);
        EndReason reason = !idleEnd.isBefore(maxEnd) ? EndReason.MAX_DURATION : EndReason.IDLE;
        Instant endsAt = reason == EndReason.MAX_DURATION ? maxEnd : idleEnd;
        if (!now.isBefore(endsAt)) {
            return new End(reason);
        }
        if (!now.isBefore(endsAt.minus(warnBefore))) {
            return new Warning(reason, endsAt);
        }
        return new Nothing();
    }
}
