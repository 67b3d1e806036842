package org.parley.room.domain;

import org.parley.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Drives one seeded random run of the model test: runs the chosen commands and checks every decision. */
final class ModelRun {

    static final ParticipantId M = ParticipantId.of("mediator");
    /** The co-mediator: on the mediation team with {@link #M}, on no side. */
    static final ParticipantId CM = ParticipantId.of("comediator");
    static final ParticipantId PA = ParticipantId.of("partyA");
    static final ParticipantId CA = ParticipantId.of("counselA");
    static final ParticipantId PB = ParticipantId.of("partyB");
    static final ParticipantId CB = ParticipantId.of("counselB");
    static final ParticipantId T = ParticipantId.of("observer");
    static final List<ParticipantId> EVERYONE = List.of(M, CM, PA, CA, PB, CB, T);
    static final List<ParticipantId> TEAM = List.of(M, CM);
    static final List<ParticipantId> NON_MEDIATORS = List.of(PA, CA, PB, CB, T);
    static final List<ParticipantId> PARTIES = List.of(PA, PB);
    /** Longer than the default, so that with the run's pace of time roughly one return in four is a long one. */
    static final Duration REATTEST_AFTER = Duration.ofMinutes(10);
    static final Side A = Side.of("A");
    static final Side B = Side.of("B");
    private static final List<Participant> ROSTER = List.of(
            Participant.mediator(M.value(), "Mediator"),
            Participant.coMediator(CM.value(), "Co-mediator"),
            Participant.party(PA.value(), "Party A", "A"),
            Participant.counsel(CA.value(), "Counsel A", "A"),
            Participant.party(PB.value(), "Party B", "B"),
            Participant.counsel(CB.value(), "Counsel B", "B"),
            Participant.thirdParty(T.value(), "Observer"));
    private static final int STEPS_CHECKED_AFTER_END = 10;

    /** What the test itself expects of a command, when it can tell: accepted, or refused with a code. */
    record Expect(boolean accept, ErrorCode code) {
        static final Expect ACCEPT = new Expect(true, null);

        static Expect refuse(ErrorCode code) {
            return new Expect(false, code);
        }
    }

    /** One randomly chosen command. {@code text} is the content it carries, if any, for marker tracking. */
    record Action(String kind, ParticipantId actor, String description, Supplier<Decision> command, Expect expect,
                  String text, Runnable afterAccepted) {
        Action(String kind, ParticipantId actor, String description, Supplier<Decision> command, Expect expect,
               String text) {
            this(kind, actor, description, command, expect, text, () -> { });
        }
    }

    private final long seed;
    private final int steps;
    private final CaucusPolicy policy;
    private final Random random;
    private final ModelStats stats;
    private LiveSession session;
    private ModelWorld world;
    private ModelChecks checks;
    private int sessionNumber;
    private int stepsSinceEnd;
    private ModelActions actions;
    private MutableClock clock;
    /** Everyone's presence view as of the last step: the "before" of the next one (time alone changes no view). */
    private Map<ParticipantId, List<PresenceEntry>> presenceNow;
    /** Shared across the sessions of a run, so that every planted marker is unique within the run. */
    private final AtomicInteger markers = new AtomicInteger();

    ModelRun(long seed, int steps, ModelStats stats) {
        this(seed, steps, stats, CaucusPolicy.RELEASE_REQUIRED);
    }

    ModelRun(long seed, int steps, ModelStats stats, CaucusPolicy policy) {
        this.policy = policy;
        this.seed = seed;
        this.steps = steps;
        this.random = new Random(seed);
        this.stats = stats;
    }

    void run() {
        newSession();
        for (int step = 1; step <= steps; step++) {
            // Mostly seconds between commands, now and then a minute or more, so disconnections vary in length.
            clock.advance(Duration.ofSeconds(random.nextInt(20) == 0 ? 20 + random.nextInt(100) : random.nextInt(3)));
            Action action = actions.next();
            try {
                execute(action);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("policy=" + policy.wireName() + " seed=" + seed + " step=" + step + " session=" + sessionNumber + " "
                        + action.kind() + " by " + action.actor() + " (" + action.description() + "): "
                        + e.getMessage() + "  -- replay with -Dparley.model.seed=" + seed
                        + " -Dparley.model.steps=" + step, e);
            }
        }
    }

    private void newSession() {
        sessionNumber++;
        stepsSinceEnd = 0;
        clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
        session = new LiveSession(new SessionId("model-" + seed + "-" + sessionNumber), ROSTER, clock,
                IdSource.sequential("s" + sessionNumber + "-"), REATTEST_AFTER, policy);
        world = new ModelWorld(ROSTER, REATTEST_AFTER, policy);
        checks = new ModelChecks(world, stats);
        actions = new ModelActions(session, world, random, markers);
        presenceNow = presenceOfEveryone();
    }

    private void execute(Action action) {
        boolean endedBefore = world.phase == SessionPhase.ENDED;
        world.pendingText = action.text();
        SessionSnapshot before = session.snapshot();
        Map<ParticipantId, List<PresenceEntry>> presenceBefore = presenceNow;

        Decision decision = action.command().get();
        presenceNow = presenceOfEveryone();

        stats.count(action.kind(), decision);
        if (endedBefore) {
            Decision.Refused refused = assertInstanceOf(Decision.Refused.class, decision, "accepted after the end");
            assertEquals(ErrorCode.SESSION_ENDED, refused.code());
        } else if (action.expect() != null) {
            checkExpectation(action.expect(), decision);
        }
        if (decision instanceof Decision.Refused refused) {
            // A refusal carries no deliveries by construction; it must also leave every bit of state as it was.
            assertEquals(before, session.snapshot(), "refused " + refused.code() + " but state changed");
            assertEquals(presenceBefore, presenceNow, "refused but a presence view changed");
            ModelChecks.assertNoMarkers(refused.detail(), "a refusal detail");
            if (!endedBefore && action.actor().equals(CM)
                    && (action.kind().equals("start") || action.kind().equals("end"))) {
                // Starting and ending are the mediator of record's alone (MediationTeam).
                assertEquals(ErrorCode.FORBIDDEN, refused.code(), "the co-mediator's " + action.kind());
                stats.note("co-mediator refused " + action.kind());
            }
        } else {
            Decision.Accepted accepted = (Decision.Accepted) decision;
            if (action.kind().equals("attest")) {
                // The one command without a fact (the attestation is recorded where it was taken): apply it here.
                world.attested.add(action.actor());
            }
            for (Fact fact : accepted.facts()) {
                if (fact instanceof Fact.ParticipantMoved moved) {
                    checkMover(action, moved);
                    if (moved.to() instanceof Room && world.breached.contains(moved.participant())) {
                        stats.note("readmitted after a privacy alert");
                    }
                } else if (fact instanceof Fact.ReattestationRequested asked
                        && asked.by().equals(asked.participant())) {
                    stats.note("long absence");
                }
                world.apply(fact);
            }
            checks.checkAccepted(accepted, action.actor(), action.kind().equals("typing"));
            checks.checkMedia(accepted, session);
            recordArrivalsShown(accepted);
            action.afterAccepted().run();
            if (action.actor().equals(CM)) {
                stats.note("co-mediator " + action.kind());
            }
        }
        checks.checkPresenceEverywhere(session, presenceNow);

        if (world.phase == SessionPhase.ENDED && stepsSinceEnd++ >= STEPS_CHECKED_AFTER_END) {
            newSession();
        }
    }

    /**
     * The mediator moves people anywhere; anyone else's command moves only to the lobby and only themself or, for
     * a withdrawn consent, the third party: by the actor (the withdrawing party, the reporter, the returner).
     */
    private void checkMover(Action action, Fact.ParticipantMoved moved) {
        if (TEAM.contains(moved.by())) {
            assertEquals(moved.by(), action.actor(),
                    "a move by the mediation team came from a command by " + action.actor());
            return;
        }
        assertEquals(action.actor(), moved.by(), "a move attributed to someone who did not act");
        assertEquals(Place.lobby(), moved.to(), "only the mediator moves anyone into a room");
        if (!moved.participant().equals(moved.by())) {
            assertEquals("consent", action.kind(), "only a withdrawn consent moves someone else");
            assertEquals(T, moved.participant());
        }
    }

    /** Every client keeps the arrivals it was shown, so later commands can be composed from stale views. */
    private void recordArrivalsShown(Decision.Accepted accepted) {
        List<Delivery> deliveries = accepted.deliveries();
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).event() instanceof Event.YouAreIn arrival) {
                ParticipantId to = deliveries.get(i).recipient();
                boolean last = deliveries.subList(i + 1, deliveries.size()).stream()
                        .noneMatch(d -> d.recipient().equals(to) && d.event() instanceof Event.YouAreIn);
                world.show(to, SeenPlace.of(placeOf(arrival.place()), arrival.placement()), last);
            }
        }
    }

    private static Place placeOf(PlaceView view) {
        if (view instanceof PlaceView.InCaucus caucus) {
            return Place.caucus(caucus.caucusId());
        }
        return view instanceof PlaceView.InJointRoom ? Place.joint() : Place.lobby();
    }

    private void checkExpectation(Expect expect, Decision decision) {
        if (expect.accept()) {
            if (decision instanceof Decision.Refused refused) {
                fail("expected acceptance, was refused " + refused.code() + ": " + refused.detail());
            }
        } else {
            Decision.Refused refused = assertInstanceOf(Decision.Refused.class, decision,
                    "expected refusal " + expect.code());
            assertEquals(expect.code(), refused.code(), refused.detail());
        }
    }

    private Map<ParticipantId, List<PresenceEntry>> presenceOfEveryone() {
        return EVERYONE.stream().collect(Collectors.toMap(p -> p, p -> session.presenceFor(p).orElseThrow()));
    }
}
