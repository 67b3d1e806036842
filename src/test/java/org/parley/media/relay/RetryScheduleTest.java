package org.parley.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A failed subscription is retried a bounded number of times, each wait twice the one before, up to a ceiling. */
class RetryScheduleTest {

    @Test
    void subscriptionsAreRetriedThreeTimesWithDoublingDelaysThenGivenUp() {
        List<Optional<Duration>> delays = IntStream.rangeClosed(1, 5)
                .mapToObj(RetrySchedule.SUBSCRIPTIONS::delayAfter).toList();
        assertEquals(List.of(Optional.of(Duration.ofMillis(250)), Optional.of(Duration.ofMillis(500)),
                Optional.of(Duration.ofSeconds(1)), Optional.<Duration>empty(), Optional.<Duration>empty()), delays);
    }

    @Test
    void delaysStopGrowingAtTheCeiling() {
        RetrySchedule schedule = new RetrySchedule(10, Duration.ofMillis(300), Duration.ofSeconds(1));
        assertEquals(Optional.of(Duration.ofMillis(600)), schedule.delayAfter(2));
        assertEquals(Optional.of(Duration.ofSeconds(1)), schedule.delayAfter(3));
        assertEquals(Optional.of(Duration.ofSeconds(1)), schedule.delayAfter(10));
        assertEquals(Optional.empty(), schedule.delayAfter(11));
        assertEquals(Optional.empty(), schedule.delayAfter(0), "nothing failed yet: no retry to wait for");
    }

    @Test
    void noRetriesMeansNone() {
        assertEquals(Optional.empty(), new RetrySchedule(0, Duration.ZERO, Duration.ZERO).delayAfter(1));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(-1, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
