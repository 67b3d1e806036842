package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized model test of the confidentiality invariants. Normal runs use a fixed set of seeds; set
 * {@code -Dparley.model.seeds=N} and/or {@code -Dparley.model.steps=N} for a longer run, and
 * {@code -Dparley.model.seed=S} to replay the one seed a failure message names.
 */
class RoomInvariantModelTest {

    private static final int DEFAULT_SEEDS = 20;
    private static final int DEFAULT_STEPS = 2_000;

    @Test
    void roomInvariantsHoldUnderRandomCommands() {
        int steps = Integer.getInteger("parley.model.steps", DEFAULT_STEPS);
        String replay = System.getProperty("parley.model.seed");
        ModelStats stats = new ModelStats();
        if (replay != null) {
            System.out.printf("room model: replaying seed %s for %d steps%n", replay, steps);
            new ModelRun(Long.parseLong(replay), steps, stats).run();
            return;
        }
        int seeds = Integer.getInteger("parley.model.seeds", DEFAULT_SEEDS);
        for (long seed = 1; seed <= seeds; seed++) {
            new ModelRun(seed, steps, stats).run();
        }
        // Printed so that a CI log names exactly what ran; a failure names its own seed and step.
        System.out.printf("room model: seeds 1..%d, %d steps each (%d steps), %d frames refused as moved%n", seeds,
                steps, (long) seeds * steps, stats.refusedWith(ErrorCode.MOVED));
        if ((long) seeds * steps >= (long) DEFAULT_SEEDS * DEFAULT_STEPS) {
            // Shorter ad hoc runs may legitimately miss a rare command such as "end".
            assertExercisedEveryRule(stats);
        }
    }

    /** Guards against a generator that drifted into testing nothing: every command must succeed and fail. */
    private static void assertExercisedEveryRule(ModelStats stats) {
        List<String> kinds = List.of("connect", "disconnect", "admit", "move", "moveSide", "goTo", "openSide",
                "openAdHoc", "close", "post", "typing", "release", "propose", "confirm", "withdraw", "convey",
                "review", "start", "end", "leave", "attest", "consent", "reattest", "breach");
        for (String kind : kinds) {
            assertTrue(stats.accepted(kind) > 0, "never accepted: " + kind + " — " + stats);
        }
        for (String kind : kinds) {
            if (!kind.equals("connect")) {
                assertTrue(stats.refused(kind) > 0, "never refused: " + kind + " — " + stats);
            }
        }
        assertTrue(stats.accepted("convey") >= 50, "too few valid conveys: " + stats);
        assertTrue(stats.refusedWith(ErrorCode.CONSENT_REQUIRED) > 0, "no entry refused for consent: " + stats);
        assertTrue(stats.refusedWith(ErrorCode.ATTESTATION_REQUIRED) > 0, "no entry refused unattested: " + stats);
        assertTrue(stats.refusedWith(ErrorCode.MOVED) > 100, "too few frames composed before a move: " + stats);
        for (String situation : List.of("third party received content", "readmitted after a privacy alert",
                "long absence", "media changed", "media room retired")) {
            assertTrue(stats.noted(situation) > 0, "never reached: " + situation + " — " + stats);
        }
    }
}
