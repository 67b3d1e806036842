package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.T;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The media rule: who may have voice and video where, and that every way out of a room cuts it first. */
class MediaGrantTest {

    private static final JointRoom JOINT = Place.joint();

    @Test
    void nobodyHasMediaInTheLobbyOrBeforeTheSessionStarts() {
        SessionFixture f = SessionFixture.fresh();
        f.roster.forEach(p -> assertEquals(List.of(), media(f.session.connect(p))));
        f.roster.forEach(p -> assertEquals(List.of(), media(f.session.markAttested(p))));
        assertEquals(List.of(), media(f.session.startSession(M)));
        assertEquals(List.of(), f.session.mediaGrants());
    }

    @Test
    void admissionGrantsTheJointRoomForTheArrivalItAnnounces() {
        SessionFixture f = SessionFixture.fresh();
        f.roster.forEach(p -> accepted(f.session.connect(p)));
        f.roster.forEach(p -> accepted(f.session.markAttested(p)));
        accepted(f.session.startSession(M));

        Decision admitted = f.session.admit(M, PA);

        long placement = eventsFor(admitted, PA, Event.YouAreIn.class).get(0).placement();
        assertEquals(List.of(new MediaChange.Grant(PA, JOINT, placement)), media(admitted));
        assertEquals(List.of(new MediaChange.Grant(PA, JOINT, placement)), f.session.mediaGrants());
    }

    @Test
    void aMoveRevokesTheOldRoomBeforeGrantingTheNewOne() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);
        long before = version(f, PA);

        Decision moved = f.session.move(M, PA, Place.caucus(a));

        assertEquals(List.of(new MediaChange.Revoke(PA, JOINT, before),
                new MediaChange.Grant(PA, Place.caucus(a), before + 1)), media(moved));
        assertEquals(List.of(new MediaChange.Revoke(PA, JOINT, before)), accepted(moved).mediaRevokes());
        assertEquals(List.of(new MediaChange.Grant(PA, Place.caucus(a), before + 1)),
                accepted(moved).mediaAfterDeliveries(), "the grant waits until the deliveries have gone");
    }

    @Test
    void aSideMoveRevokesEveryMoverBeforeAnyGrant() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);

        List<MediaChange> changes = media(f.session.moveSide(M, A, Place.caucus(a)));

        assertEquals(List.of("Revoke PA joint", "Revoke CA joint", "Grant PA caucus", "Grant CA caucus"),
                changes.stream().map(MediaGrantTest::describe).toList());
    }

    @Test
    void theMediatorsMediaFollowsTheMediatorsOwnGoTo() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);

        List<MediaChange> changes = media(f.session.goTo(M, Place.caucus(a)));

        assertEquals(List.of("Revoke M joint", "Grant M caucus"),
                changes.stream().map(MediaGrantTest::describe).toList());
    }

    @Test
    void sendingToTheLobbyRevokesAndGrantsNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();

        assertEquals(List.of("Revoke PB joint"), describeAll(f.session.sendToLobby(M, PB)));
        assertTrue(f.session.mediaGrants().stream().noneMatch(g -> g.participant().equals(PB)));
    }

    @Test
    void closingACaucusRevokesEveryoneInsideThenRetiresItsRoom() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId a = f.caucusOf(PA);

        List<MediaChange> changes = media(f.session.closeCaucus(M, a));

        assertEquals(List.of("Revoke M caucus", "Revoke PA caucus", "Revoke CA caucus", "Retire caucus"),
                changes.stream().map(MediaGrantTest::describe).toList());
        assertEquals(new MediaChange.Retire(Place.caucus(a)), changes.get(3));
    }

    @Test
    void aPrivacyAlertRevokesTheReporter() {
        SessionFixture f = SessionFixture.allInJointRoom();

        assertEquals(List.of("Revoke CB joint"), describeAll(f.session.reportPrivacyBreach(CB)));
    }

    @Test
    void aPrivacyAlertFromTheLobbyChangesNoMedia() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, CB));

        assertEquals(List.of(), media(f.session.reportPrivacyBreach(CB)));
    }

    @Test
    void aReattestationRequestRevokesEveryoneAskedButNotTheMediator() {
        SessionFixture f = SessionFixture.allInJointRoom();

        assertEquals(List.of("Revoke PA joint", "Revoke CA joint", "Revoke PB joint", "Revoke CB joint"),
                describeAll(f.session.requestReattestation(M, Optional.empty())));
        assertEquals(List.of(M), f.session.mediaGrants().stream().map(MediaChange.Grant::participant).toList());
    }

    @Test
    void withdrawingConsentRevokesTheThirdParty() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        assertTrue(f.session.mediaGrants().stream().anyMatch(g -> g.participant().equals(T)));

        assertEquals(List.of("Revoke T joint"), describeAll(f.session.setConsent(PB, T, false)));
    }

    @Test
    void aThirdPartyInARoomLosesMediaWhenAPartyJoinsTheRosterWithoutConsenting() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        Decision added = f.session.addToRoster(Participant.party("partyC", "Party C", "C"));

        assertEquals(List.of("Revoke T joint"), describeAll(added));
    }

    @Test
    void leavingRevokes() {
        SessionFixture f = SessionFixture.allInJointRoom();

        assertEquals(List.of("Revoke CA joint"), describeAll(f.session.leave(CA)));
    }

    @Test
    void aDisconnectionRevokesAndAReconnectionGrantsAFreshPlacement() {
        SessionFixture f = SessionFixture.allInJointRoom();
        long before = version(f, PA);

        assertEquals(List.of(new MediaChange.Revoke(PA, JOINT, before)), media(f.session.disconnect(PA)));
        Decision back = f.session.connect(PA);

        long arrival = eventsFor(back, PA, Event.YouAreIn.class).get(0).placement();
        assertTrue(arrival > before, "a reconnection is a new arrival");
        assertEquals(List.of(new MediaChange.Grant(PA, JOINT, arrival)), media(back));
    }

    @Test
    void aSecondConnectionReplacesTheFirstOnesGrant() {
        SessionFixture f = SessionFixture.allInJointRoom();
        long before = version(f, PA);

        Decision again = f.session.connect(PA);

        long arrival = eventsFor(again, PA, Event.YouAreIn.class).get(0).placement();
        assertEquals(List.of(new MediaChange.Revoke(PA, JOINT, before), new MediaChange.Grant(PA, JOINT, arrival)),
                media(again));
    }

    @Test
    void aReturnAfterALongAbsenceGetsNoMedia() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.disconnect(PB));
        f.advanceClock(LiveSession.DEFAULT_REATTEST_AFTER_DISCONNECT.plus(Duration.ofSeconds(1)));

        assertEquals(List.of(), media(f.session.connect(PB)));
        assertTrue(f.session.mediaGrants().stream().noneMatch(g -> g.participant().equals(PB)));
    }

    @Test
    void theEndOfTheSessionRevokesEveryGrantAndRetiresEveryRoom() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId a = f.openCaucus(A);
        accepted(f.session.moveSide(M, A, Place.caucus(a)));

        List<MediaChange> changes = media(f.session.endSession(M));

        assertEquals(List.of("Revoke M joint", "Revoke PA caucus", "Revoke CA caucus", "Revoke PB joint",
                "Revoke CB joint", "Retire joint", "Retire caucus"),
                changes.stream().map(MediaGrantTest::describe).toList());
        assertEquals(List.of(), f.session.mediaGrants());
    }

    @Test
    void speakingAndAttestingAgainInTheLobbyChangeNoMedia() {
        SessionFixture f = SessionFixture.allInJointRoom();
        assertEquals(List.of(), media(f.post(PA, "hello")));
        assertEquals(List.of(), media(f.typing(PA, true)));
        accepted(f.session.requestReattestation(M, Optional.of(PB)));

        assertEquals(List.of(), media(f.session.markAttested(PB)));
        assertEquals(List.of("Grant PB joint"), describeAll(f.session.admit(M, PB)));
    }

    @Test
    void aRevocationCannotBeListedAfterAGrant() {
        MediaChange.Grant grant = new MediaChange.Grant(PA, JOINT, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new Decision.Accepted(List.of(), List.of(), List.of(grant, grant.revoke())));
    }

    @Test
    void theGrantsAlwaysMatchWhoIsConnectedAndPlacedInARoom() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.disconnect(CB));

        assertEquals(List.of("Grant M caucus", "Grant PA caucus", "Grant CA caucus", "Grant PB joint"),
                f.session.mediaGrants().stream().map(MediaGrantTest::describe).toList());
    }

    private static long version(SessionFixture f, ParticipantId who) {
        return f.session.snapshot().placementVersions().get(who);
    }

    private static List<MediaChange> media(Decision decision) {
        return accepted(decision).media();
    }

    private static List<String> describeAll(Decision decision) {
        return media(decision).stream().map(MediaGrantTest::describe).toList();
    }

    /** "Revoke PA joint": kind, short participant name, kind of room; enough to read an ordering at a glance. */
    private static String describe(MediaChange change) {
        if (change instanceof MediaChange.Retire retire) {
            return "Retire " + roomName(retire.room());
        }
        ParticipantId who = change instanceof MediaChange.Grant g ? g.participant()
                : ((MediaChange.Revoke) change).participant();
        Room room = change instanceof MediaChange.Grant g ? g.room() : ((MediaChange.Revoke) change).room();
        return change.getClass().getSimpleName() + " " + shortName(who) + " " + roomName(room);
    }

    private static String roomName(Room room) {
        return room instanceof JointRoom ? "joint" : "caucus";
    }

    private static String shortName(ParticipantId who) {
        for (var entry : List.of(List.of(M, "M"), List.of(PA, "PA"), List.of(CA, "CA"), List.of(PB, "PB"),
                List.of(CB, "CB"), List.of(T, "T"))) {
            if (entry.get(0).equals(who)) {
                return (String) entry.get(1);
            }
        }
        return who.value();
    }

    @Test
    void anUnconfirmedCutIsToldToTheMediatorAloneAndChangesNothing() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        SessionSnapshot before = f.session.snapshot();

        Decision.Accepted alert = f.session.mediaCutUnconfirmed(List.of(PA, CA));

        assertEquals(List.of(new Delivery(M, new Event.MediaAlert(PA, "cut_unconfirmed")),
                new Delivery(M, new Event.MediaAlert(CA, "cut_unconfirmed"))), alert.deliveries());
        assertEquals(List.of(), alert.facts());
        assertEquals(before, f.session.snapshot());
    }
}
