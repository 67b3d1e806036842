package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized model test of the confidentiality invariants, under each caucus policy. Normal runs use a fixed
 * set of seeds; set {@code -Dparley.model.seeds=N} and/or {@code -Dparley.model.steps=N} for a longer run, and
 * {@code -Dparley.model.seed=S} (with {@code -Dparley.model.policy=open_caucus} when the failure names that policy)
 * to replay the one seed a failure message names.
 */
class RoomInvariantModelTest {

    private static final int DEFAULT_SEEDS = 20;
    private static final int DEFAULT_STEPS = 2_000;

    @Test
    void roomInvariantsHoldUnderRandomCommands() {
        ModelStats stats = runModel(CaucusPolicy.RELEASE_REQUIRED);
        if (stats != null) {
            // Under release-required no caucus item ever leaves without a release: every open convey is refused so.
            assertEquals(0, stats.accepted("conveyItem"), "an item conveyed without a release: " + stats);
            assertTrue(stats.refusedWith(ErrorCode.NOT_RELEASED) > 0, "no convey refused for its policy: " + stats);
        }
    }

    /**
     * The same invariants, adjusted for open caucus: a caucus item may reach the joint room or another caucus
     * without a release, but only through the mediator, only an item the mediator heard, and only to the people
     * placed where the mediator is; everything else (placement, lobby, attestation, consent, media) is unchanged.
     */
    @Test
    void roomInvariantsHoldUnderRandomCommandsWithOpenCaucus() {
        ModelStats stats = runModel(CaucusPolicy.OPEN_CAUCUS);
        if (stats != null) {
            assertTrue(stats.accepted("conveyItem") >= 50, "too few open-caucus conveys: " + stats);
        }
    }

    /** Runs the seeds under the policy; answers the stats of a full run, or null for a replay or a short run. */
    private static ModelStats runModel(CaucusPolicy policy) {
        int steps = Integer.getInteger("parley.model.steps", DEFAULT_STEPS);
        String replay = System.getProperty("parley.model.seed");
        ModelStats stats = new ModelStats();
        if (replay != null) {
            CaucusPolicy replayed = CaucusPolicy.fromWire(System.getProperty("parley.model.policy",
                    CaucusPolicy.RELEASE_REQUIRED.wireName())).orElseThrow();
            if (replayed == policy) {
                System.out.printf("room model: replaying seed %s for %d steps under %s%n", replay, steps,
                        policy.wireName());
                new ModelRun(Long.parseLong(replay), steps, stats, policy).run();
            }
            return null;
        }
        int seeds = Integer.getInteger("parley.model.seeds", DEFAULT_SEEDS);
        for (long seed = 1; seed <= seeds; seed++) {
            new ModelRun(seed, steps, stats, policy).run();
        }
        // Printed so that a CI log names exactly what ran; a failure names its own seed and step.
        System.out.printf("room model (%s): seeds 1..%d, %d steps each (%d steps), %d frames refused as moved,"
                + " %d items conveyed without a release%n", policy.wireName(), seeds, steps, (long) seeds * steps,
                stats.refusedWith(ErrorCode.MOVED), stats.accepted("conveyItem"));
        if ((long) seeds * steps < (long) DEFAULT_SEEDS * DEFAULT_STEPS) {
            // Shorter ad hoc runs may legitimately miss a rare command such as "end".
            return null;
        }
        assertExercisedEveryRule(stats);
        return stats;
    }

    /** Guards against a generator that drifted into testing nothing: every command must succeed and fail. */
    private static void assertExercisedEveryRule(ModelStats stats) {
        List<String> kinds = List.of("connect", "disconnect", "admit", "move", "moveSide", "goTo", "openSide",
                "openAdHoc", "close", "post", "typing", "release", "propose", "confirm", "withdraw", "convey",
                "review", "start", "end", "leave", "attest", "consent", "reattest", "breach");
        // "conveyItem" is checked per policy by the callers: under release-required it is never accepted.
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
                "long absence", "media changed", "media room retired",
                // The co-mediator runs the room like the mediator, under the same checks, and cannot end it.
                "co-mediator admit", "co-mediator move", "co-mediator goTo", "co-mediator convey",
                "co-mediator close", "co-mediator refused end")) {
            assertTrue(stats.noted(situation) > 0, "never reached: " + situation + " — " + stats);
        }
    }
}
