package org.parley.room.domain;

import org.parley.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A standard session for rule tests: a mediator, side A (party, counsel) and side B (party, counsel), and on request
 * a third party (an observer). Its clock stands still unless a test advances it.
 */
final class SessionFixture {

    static final ParticipantId M = ParticipantId.of("mediator");
    static final ParticipantId PA = ParticipantId.of("partyA");
    static final ParticipantId CA = ParticipantId.of("counselA");
    static final ParticipantId PB = ParticipantId.of("partyB");
    static final ParticipantId CB = ParticipantId.of("counselB");
    static final ParticipantId T = ParticipantId.of("observer");
    static final ParticipantId CM = ParticipantId.of("comediator");
    static final List<ParticipantId> EVERYONE = List.of(M, PA, CA, PB, CB);
    static final Side A = Side.of("A");
    static final Side B = Side.of("B");
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    final LiveSession session;
    final MutableClock clock = new MutableClock(NOW);
    /** Everyone on this fixture's roster: {@link #EVERYONE}, plus {@link #T} when the fixture has a third party. */
    final List<ParticipantId> roster;

    private SessionFixture(boolean withThirdParty) {
        this(withThirdParty, -1, null);
    }

    /**
     * {@code replayCap} below zero and {@code policy} null: the four-argument constructor and its defaults
     * (release-required).
     */
    private SessionFixture(boolean withThirdParty, int replayCap, CaucusPolicy policy) {
        this(withThirdParty, replayCap, policy, false);
    }

    private SessionFixture(boolean withThirdParty, int replayCap, CaucusPolicy policy, boolean withCoMediator) {
        List<Participant> participants = new ArrayList<>(List.of(
                Participant.mediator(M.value(), "Mediator"),
                Participant.party(PA.value(), "Party A", "A"),
                Participant.counsel(CA.value(), "Counsel A", "A"),
                Participant.party(PB.value(), "Party B", "B"),
                Participant.counsel(CB.value(), "Counsel B", "B")));
        if (withThirdParty) {
            participants.add(Participant.thirdParty(T.value(), "Observer"));
        }
        if (withCoMediator) {
            participants.add(Participant.coMediator(CM.value(), "Co-mediator"));
        }
        roster = participants.stream().map(Participant::id).toList();
        // The four-argument constructor on purpose: its two-minute re-attestation default is part of the contract.
        session = replayCap < 0 && policy == null
                ? new LiveSession(new SessionId("session-1"), participants, clock, IdSource.sequential("id-"))
                : new LiveSession(new SessionId("session-1"), participants, clock, IdSource.sequential("id-"),
                        LiveSession.DEFAULT_REATTEST_AFTER_DISCONNECT,
                        replayCap < 0 ? LiveSession.DEFAULT_REPLAY_CAP : replayCap,
                        policy == null ? CaucusPolicy.RELEASE_REQUIRED : policy);
    }

    /** A session nobody has connected to (or attested for) yet. */
    static SessionFixture fresh() {
        return new SessionFixture(false);
    }

    /** Like {@link #fresh()}, with a third party (an observer, {@link #T}) on the roster. */
    static SessionFixture freshWithThirdParty() {
        return new SessionFixture(true);
    }

    /** Everyone connected and attested, session started, everyone (mediator included) in the joint room. */
    static SessionFixture allInJointRoom() {
        return allInJointRoom(new SessionFixture(false));
    }

    /** As {@link #allInJointRoom()}, replaying at most {@code replayCap} items to an entrant. */
    static SessionFixture allInJointRoom(int replayCap) {
        return allInJointRoom(new SessionFixture(false, replayCap, null));
    }

    /** As {@link #allInJointRoom()}, with the observer {@link #T} admitted too, after both parties consented. */
    static SessionFixture allInJointRoomWithThirdParty() {
        SessionFixture f = new SessionFixture(true);
        accepted(f.session.setConsent(PA, T, true));
        accepted(f.session.setConsent(PB, T, true));
        return allInJointRoom(f);
    }

    private static SessionFixture allInJointRoom(SessionFixture f) {
        f.roster.forEach(p -> accepted(f.session.connect(p)));
        f.roster.forEach(p -> accepted(f.session.markAttested(p)));
        accepted(f.session.startSession(M));
        f.roster.forEach(p -> accepted(f.session.admit(M, p)));
        return f;
    }

    /** As {@link #allInJointRoom()}, with the co-mediator {@link #CM} on the roster and in the joint room too. */
    static SessionFixture allInJointRoomWithCoMediator() {
        return allInJointRoom(new SessionFixture(false, -1, null, true));
    }

    /** As {@link #allInJointRoomWithCoMediator()}, in a session of a case with this caucus policy. */
    static SessionFixture allInJointRoomWithCoMediator(CaucusPolicy policy) {
        return allInJointRoom(new SessionFixture(false, -1, policy, true));
    }

    /** Everyone in the joint room, then side A (with the mediator) moved into side A's caucus. */
    static SessionFixture sideAInCaucus() {
        return sideAInCaucus(allInJointRoom());
    }

    /** As {@link #sideAInCaucus()}, in a session of a case with this caucus policy. */
    static SessionFixture sideAInCaucus(CaucusPolicy policy) {
        return sideAInCaucus(allInJointRoom(new SessionFixture(false, -1, policy)));
    }

    private static SessionFixture sideAInCaucus(SessionFixture f) {
        CaucusId a = f.openCaucus(A);
        accepted(f.session.moveSide(M, A, Place.caucus(a)));
        accepted(f.session.goTo(M, Place.caucus(a)));
        return f;
    }

    void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    /** The mediator's status line of one participant. */
    ParticipantStatus statusOf(ParticipantId participant) {
        return session.statusForMediator(M).orElseThrow().stream()
                .filter(s -> s.participant().equals(participant))
                .findFirst().orElseThrow();
    }

    CaucusId openCaucus(Side side) {
        return factOf(session.openSideCaucus(M, side), Fact.CaucusOpened.class).caucusId();
    }

    /** The open caucus's id as known to the mediator's presence view of a participant placed in it. */
    CaucusId caucusOf(ParticipantId participant) {
        PlaceView place = placeSeenBy(M, participant);
        return assertInstanceOf(PlaceView.InCaucus.class, place).caucusId();
    }

    ItemId say(ParticipantId who, String text) {
        return factOf(post(who, text), Fact.ItemPosted.class).itemId();
    }

    /**
     * Where the participant's client would compose now: their current place and placement count (the lobby when
     * not placed), as their latest arrival frame told them.
     */
    SeenPlace here(ParticipantId who) {
        SessionSnapshot now = session.snapshot();
        Place place = who == null ? Place.lobby() : now.places().getOrDefault(who, Place.lobby());
        long placement = who == null ? 0 : now.placementVersions().getOrDefault(who, 0L);
        return SeenPlace.of(place, placement);
    }

    /** Posts from the author's current place, as an up-to-date client does. */
    Decision post(ParticipantId who, String text) {
        return session.postMessage(who, here(who), text);
    }

    Decision typing(ParticipantId who, boolean typing) {
        return session.typing(who, here(who), typing);
    }

    Decision convey(ParticipantId who, ReleaseId release) {
        return session.convey(who, here(who), release);
    }

    ReleaseId released(Decision decision) {
        Fact fact = accepted(decision).facts().get(0);
        if (fact instanceof Fact.ReleaseRecorded recorded) {
            return recorded.releaseId();
        }
        return assertInstanceOf(Fact.ReleaseProposed.class, fact).releaseId();
    }

    PlaceView placeSeenBy(ParticipantId viewer, ParticipantId subject) {
        return session.presenceFor(viewer).orElseThrow().stream()
                .filter(e -> e.participant().equals(subject))
                .findFirst().orElseThrow().place();
    }

    /**
     * Asserts the command is refused with the code and that neither state, nor anyone's presence view, nor the
     * mediator's status view changed.
     */
    Decision.Refused assertRefusedAndUnchanged(ErrorCode code, Supplier<Decision> command) {
        SessionSnapshot before = session.snapshot();
        Map<ParticipantId, ?> presenceBefore = presenceOfEveryone();
        Object statusBefore = session.statusForMediator(M);
        Decision decision = command.get();
        Decision.Refused refused = assertInstanceOf(Decision.Refused.class, decision, () -> "expected " + code);
        assertEquals(code, refused.code(), refused::detail);
        assertEquals(before, session.snapshot(), "a refused command must change nothing");
        assertEquals(presenceBefore, presenceOfEveryone(), "a refused command must change nobody's presence view");
        assertEquals(statusBefore, session.statusForMediator(M), "a refused command must change no status");
        return refused;
    }

    private Map<ParticipantId, ?> presenceOfEveryone() {
        return roster.stream().collect(Collectors.toMap(p -> p, p -> session.presenceFor(p).orElseThrow()));
    }

    static Decision.Accepted accepted(Decision decision) {
        if (decision instanceof Decision.Refused refused) {
            fail("expected acceptance but was refused: " + refused.code() + " " + refused.detail());
        }
        return (Decision.Accepted) decision;
    }

    static <F extends Fact> F factOf(Decision decision, Class<F> type) {
        return accepted(decision).facts().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " fact"));
    }

    static <E extends Event> List<E> eventsFor(Decision decision, ParticipantId recipient, Class<E> type) {
        return accepted(decision).deliveries().stream()
                .filter(d -> d.recipient().equals(recipient))
                .map(Delivery::event)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static Set<ParticipantId> recipientsOf(Decision decision, Class<? extends Event> type) {
        return accepted(decision).deliveries().stream()
                .filter(d -> type.isInstance(d.event()))
                .map(Delivery::recipient)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
