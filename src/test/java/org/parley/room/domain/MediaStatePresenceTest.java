package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who is on audio/video, muted or sharing a screen is shown in presence under the place rule: with the place in
 * full (the joint room, a caucus one may know), never with an undisclosed caucus, and only for the grant it was
 * reported under.
 */
class MediaStatePresenceTest {

    private static final MediaState MUTED_CAMERA_ON = new MediaState(false, true, false);
    private static final MediaState SHARING = new MediaState(true, true, true);

    @Test
    void inTheJointRoomEveryoneSeesTheReportedState() {
        SessionFixture f = SessionFixture.allInJointRoom();

        Decision reported = f.session.reportMediaState(PA, MUTED_CAMERA_ON);

        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(reported, Event.PresenceChanged.class),
                "everyone connected sees the joint room, so everyone's view changed");
        for (ParticipantId viewer : SessionFixture.EVERYONE) {
            assertEquals(Optional.of(MUTED_CAMERA_ON), mediaSeenBy(f, viewer, PA), "as seen by " + viewer);
        }
        assertEquals(Optional.empty(), mediaSeenBy(f, M, PB), "nothing is shown before someone reports");
    }

    @Test
    void inACaucusOnlyThoseWhoMayKnowThePlaceSeeTheState() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        Decision reported = f.session.reportMediaState(PA, SHARING);

        assertEquals(Set.of(M, PA, CA), recipientsOf(reported, Event.PresenceChanged.class),
                "the other side's view does not change, so it is not even told that something changed");
        assertEquals(Optional.of(SHARING), mediaSeenBy(f, M, PA));
        assertEquals(Optional.of(SHARING), mediaSeenBy(f, CA, PA));
        assertEquals(Optional.empty(), mediaSeenBy(f, PB, PA));
        assertEquals(Optional.empty(), mediaSeenBy(f, CB, PA));
    }

    @Test
    void theMediatorsStateInACaucusIsHiddenFromTheOtherSideLikeWhichCaucusItIs() {
        SessionFixture f = SessionFixture.sideAInCaucus();

        accepted(f.session.reportMediaState(M, MUTED_CAMERA_ON));

        assertEquals(Optional.of(MUTED_CAMERA_ON), mediaSeenBy(f, PA, M));
        assertEquals(Optional.empty(), mediaSeenBy(f, PB, M));
    }

    @Test
    void aMoveEndsTheReportedStateUntilItIsReportedAgainInTheNewRoom() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.reportMediaState(PA, SHARING));
        CaucusId a = f.openCaucus(A);

        accepted(f.session.move(M, PA, Place.caucus(a)));
        assertEquals(Optional.empty(), mediaSeenBy(f, M, PA), "a new grant starts with nothing said about it");

        accepted(f.session.move(M, PA, Place.joint()));
        assertEquals(Optional.empty(), mediaSeenBy(f, PB, PA), "nor does the old state come back with the old room");

        accepted(f.session.reportMediaState(PA, MUTED_CAMERA_ON));
        assertEquals(Optional.of(MUTED_CAMERA_ON), mediaSeenBy(f, PB, PA));
    }

    @Test
    void aDisconnectionOrTheLobbyHidesTheState() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.reportMediaState(PA, SHARING));
        accepted(f.session.reportMediaState(PB, SHARING));

        accepted(f.session.sendToLobby(M, PA));
        accepted(f.session.disconnect(PB));

        assertEquals(Optional.empty(), mediaSeenBy(f, M, PA));
        assertEquals(Optional.empty(), mediaSeenBy(f, M, PB));
    }

    @Test
    void reportingTheSameStateAgainTellsNobodyAnything() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.reportMediaState(PA, MUTED_CAMERA_ON));

        Decision again = f.session.reportMediaState(PA, MUTED_CAMERA_ON);

        assertTrue(accepted(again).deliveries().isEmpty());
        assertTrue(accepted(again).facts().isEmpty(), "media state is never journaled");
    }

    @Test
    void withoutAGrantAReportIsRefusedAndChangesNothing() {
        SessionFixture lobby = SessionFixture.allInJointRoom();
        accepted(lobby.session.sendToLobby(M, PA));
        lobby.assertRefusedAndUnchanged(ErrorCode.NO_MEDIA, () -> lobby.session.reportMediaState(PA, SHARING));

        SessionFixture notStarted = SessionFixture.fresh();
        notStarted.roster.forEach(p -> accepted(notStarted.session.connect(p)));
        notStarted.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED,
                () -> notStarted.session.reportMediaState(PA, SHARING));

        SessionFixture alerted = SessionFixture.allInJointRoom();
        accepted(alerted.session.reportPrivacyBreach(PB));
        alerted.assertRefusedAndUnchanged(ErrorCode.NO_MEDIA, () -> alerted.session.reportMediaState(PB, SHARING));
    }

    private static Optional<MediaState> mediaSeenBy(SessionFixture f, ParticipantId viewer, ParticipantId subject) {
        return f.session.presenceFor(viewer).orElseThrow().stream().filter(e -> e.participant().equals(subject))
                .findFirst().orElseThrow().media();
    }
}
