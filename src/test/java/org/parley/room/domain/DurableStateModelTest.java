package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parley.testing.MutableClock;

/**
 * Seeded randomized test of what survives a restart: long random command sequences, with restarts in between (the
 * session is replaced by a fresh one restored from its durable state). After every step the durable state restores
 * to an equal one; a restart changes no durable state; a refused command changes none either; no command ever
 * throws on a restored session; and a release restored after a restart is never conveyed. Prints the seeds it ran;
 * {@code -Dparley.durable.seed=S} replays one.
 */
class DurableStateModelTest {

    private static final int SEEDS = 20;
    private static final int STEPS = 1_500;
    private static final ParticipantId M = ParticipantId.of("m");
    private static final ParticipantId PA = ParticipantId.of("pa");
    private static final ParticipantId CA = ParticipantId.of("ca");
    private static final ParticipantId PB = ParticipantId.of("pb");
    private static final ParticipantId CB = ParticipantId.of("cb");
    private static final ParticipantId T = ParticipantId.of("t");
    private static final List<ParticipantId> EVERYONE = List.of(M, PA, CA, PB, CB, T);
    private static final List<Participant> ROSTER = List.of(Participant.mediator("m", "Mediator"),
            Participant.party("pa", "Party A", "A"), Participant.counsel("ca", "Counsel A", "A"),
            Participant.party("pb", "Party B", "B"), Participant.counsel("cb", "Counsel B", "B"),
            Participant.thirdParty("t", "Observer"));

    @Test
    void theDurableStateSurvivesRestartsAmongRandomCommands() {
        String replay = System.getProperty("parley.durable.seed");
        List<Long> seeds = new ArrayList<>();
        if (replay != null) {
            seeds.add(Long.parseLong(replay));
        } else {
            for (long seed = 1; seed <= SEEDS; seed++) {
                seeds.add(seed);
            }
        }
        int restarts = 0;
        int lostReleases = 0;
        int conveys = 0;
        for (long seed : seeds) {
            Run run = new Run(seed);
            restarts += run.run();
            lostReleases += run.restored.size();
            conveys += run.conveys;
        }
        System.out.printf("durable-state model: seeds %s, %d steps each, %d restarts of a live session, %d releases"
                + " restored without wording, %d conveys%n", seeds, STEPS, restarts, lostReleases, conveys);
        if (replay == null) {
            // The run must reach what it checks: restarts of live sessions holding releases, and conveys around them.
            assertTrue(restarts > SEEDS, "too few restarts: " + restarts);
            assertTrue(lostReleases > 0, "no release was ever restored");
            assertTrue(conveys > 0, "nothing was ever conveyed");
        }
    }

    /** A caucus item and who said it. */
    private record Said(ItemId item, ParticipantId author) {
    }

    private static final class Run {
        private final long seed;
        private final Random random;
        private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"));
        private final List<CaucusId> caucuses = new ArrayList<>();
        private final List<ItemId> items = new ArrayList<>();
        private final List<Said> caucusItems = new ArrayList<>();
        private final List<ReleaseId> releases = new ArrayList<>();
        private final Set<ReleaseId> restored = new HashSet<>();
        private LiveSession session;
        private int restarts;
        private int conveys;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.session = new LiveSession(new SessionId("s"), ROSTER, clock, IdSource.sequential("id-"));
        }

        int run() {
            for (int step = 0; step < STEPS && session.phase() != SessionPhase.ENDED; step++) {
                if (random.nextInt(120) == 0) {
                    restart(step);
                    continue;
                }
                clock.advance(Duration.ofSeconds(random.nextInt(5)));
                DurableState before = session.durableState();
                Decision decision = guarded(step, this::randomCommand);
                if (decision instanceof Decision.Accepted accepted) {
                    learn(accepted, step);
                } else {
                    assertEquals(before, session.durableState(), at(step, "a refused command changed the state"));
                }
                if (session.phase() == SessionPhase.LIVE) {
                    DurableState now = session.durableState();
                    assertEquals(now, fresh(now).durableState(), at(step, "the durable state does not round-trip"));
                }
            }
            return restarts;
        }

        private void restart(int step) {
            DurableState stored = session.durableState();
            if (session.phase() != SessionPhase.LIVE) {
                return;
            }
            restarts++;
            session = fresh(stored);
            restored.addAll(releases);
            assertEquals(stored, session.durableState(), at(step, "a restart changed the durable state"));
            assertTrue(session.contentLost());
            items.clear();
            caucusItems.clear();
        }

        private LiveSession fresh(DurableState stored) {
            LiveSession restarted = new LiveSession(new SessionId("s"), ROSTER, clock,
                    IdSource.sequential("r" + restarts + "-"));
            if (stored.phase().equals("live")) {
                restarted.restore(stored);
            }
            return restarted;
        }

        private Decision guarded(int step, Supplier<Decision> command) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                fail(at(step, "a command threw " + e), e);
                return null;
            }
        }

        private void learn(Decision.Accepted accepted, int step) {
            for (Fact fact : accepted.facts()) {
                if (fact instanceof Fact.CaucusOpened opened) {
                    caucuses.add(opened.caucusId());
                } else if (fact instanceof Fact.ItemPosted posted) {
                    items.add(posted.itemId());
                    if (posted.room() instanceof Caucus) {
                        caucusItems.add(new Said(posted.itemId(), posted.author()));
                    }
                } else if (fact instanceof Fact.ReleaseRecorded recorded && !releases.contains(recorded.releaseId())) {
                    releases.add(recorded.releaseId());
                } else if (fact instanceof Fact.ReleaseProposed proposed) {
                    releases.add(proposed.releaseId());
                } else if (fact instanceof Fact.ReleaseConveyed conveyed) {
                    conveys++;
                    assertFalse(restored.contains(conveyed.releaseId()),
                            at(step, "a release whose wording was lost was conveyed"));
                }
            }
        }

        /**
         * One command, weighted so that runs reach what the test is about: people connected and attested, caucuses
         * with words said in them, releases of those words by their authors, and the mediator conveying them.
         */
        private Decision randomCommand() {
            ParticipantId who = pick(EVERYONE);
            return switch (random.nextInt(22)) {
                case 0, 1 -> random.nextInt(5) == 0 ? session.disconnect(who) : session.connect(who);
                case 2 -> session.markAttested(who);
                case 3 -> session.startSession(M);
                case 4 -> session.admit(M, who);
                case 5 -> session.openSideCaucus(M, Side.of(random.nextBoolean() ? "A" : "B"));
                case 6 -> random.nextInt(3) == 0 ? session.closeCaucus(M, pickOr(caucuses, new CaucusId("none")))
                        : session.moveSide(M, Side.of(random.nextBoolean() ? "A" : "B"), randomPlace());
                case 7 -> session.move(M, who, randomPlace());
                case 8, 9 -> session.postMessage(who, here(who), "words " + random.nextInt());
                case 10, 11 -> releaseByItsAuthor();
                case 12 -> random.nextBoolean()
                        ? session.proposeRelease(pick(List.of(CA, CB)),
                                ReleaseTerms.conveyToJoint(pickOr(items, new ItemId("none"))))
                        : session.confirmRelease(pick(List.of(PA, PB)), pickOr(releases, new ReleaseId("none")));
                case 13 -> session.withdrawRelease(pick(List.of(PA, PB)), pickOr(releases, new ReleaseId("none")));
                case 14 -> session.goTo(M, random.nextInt(3) == 0 ? randomPlace() : Place.joint());
                case 15, 16 -> session.convey(M, here(M), pickOr(releases, new ReleaseId("none")));
                case 17 -> session.confirmCaucusReview(pick(List.of(PA, PB)), pickOr(caucuses, new CaucusId("none")));
                case 18 -> session.setConsent(pick(List.of(PA, PB)), T, random.nextInt(4) != 0);
                case 19 -> random.nextInt(10) == 0 ? session.requestReattestation(M, Optional.of(who))
                        : session.goTo(M, randomPlace());
                case 20 -> random.nextInt(10) == 0 ? session.leave(who) : session.markAttested(who);
                default -> random.nextInt(300) == 0 ? session.endSession(M) : session.connect(who);
            };
        }

        /** A party releases one of the caucus items it said (or, now and then, any item), to the joint room. */
        private Decision releaseByItsAuthor() {
            if (caucusItems.isEmpty() || random.nextInt(8) == 0) {
                return session.release(pick(List.of(PA, PB)), ReleaseTerms.conveyToJoint(pickOr(items,
                        new ItemId("none"))));
            }
            Said said = pick(caucusItems);
            return session.release(said.author(), random.nextBoolean() ? ReleaseTerms.conveyToJoint(said.item())
                    : ReleaseTerms.verbatimToJoint(said.item()));
        }

        private Place randomPlace() {
            return switch (random.nextInt(3)) {
                case 0 -> Place.lobby();
                case 1 -> Place.joint();
                default -> Place.caucus(pickOr(caucuses, new CaucusId("none")));
            };
        }

        /** Where the participant's client would compose now, as its latest arrival showed it. */
        private SeenPlace here(ParticipantId who) {
            SessionSnapshot now = session.snapshot();
            return SeenPlace.of(now.places().getOrDefault(who, Place.lobby()),
                    now.placementVersions().getOrDefault(who, 0L));
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private <T> T pickOr(List<T> from, T none) {
            return from.isEmpty() || random.nextInt(10) == 0 ? none : pick(from);
        }

        private String at(int step, String what) {
            return "seed " + seed + ", step " + step + ": " + what;
        }
    }
}
