package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

    @Test
    void participantsWaitInLobbyBeforeTheSessionStarts() {
        SessionFixture f = SessionFixture.fresh();
        Decision connected = f.session.connect(PA);

        Event.YouAreIn where = eventsFor(connected, PA, Event.YouAreIn.class).get(0);
        assertInstanceOf(PlaceView.InLobby.class, where.place());
        assertEquals(SessionPhase.NOT_STARTED, eventsFor(connected, PA, Event.Joined.class).get(0).phase());
    }

    @Test
    void someoneInvitedDuringTheSessionJoinsTheRosterAndWaitsInTheLobby() {
        SessionFixture f = SessionFixture.fresh();
        ParticipantId late = ParticipantId.of("lateCounselB");
        assertEquals(ErrorCode.NO_SUCH_PARTICIPANT, ((Decision.Refused) f.session.connect(late)).code());

        accepted(f.session.addToRoster(Participant.counsel(late.value(), "Late Counsel", "B")));
        Decision connected = f.session.connect(late);

        assertInstanceOf(PlaceView.InLobby.class, eventsFor(connected, late, Event.YouAreIn.class).get(0).place());
        assertEquals(ErrorCode.INVALID_REQUEST, ((Decision.Refused) f.session.addToRoster(
                Participant.counsel(late.value(), "Late Counsel", "B"))).code());
        assertEquals(ErrorCode.INVALID_REQUEST, ((Decision.Refused) f.session.addToRoster(
                Participant.mediator("second", "Second Mediator"))).code());
    }

    @Test
    void roomCommandsBeforeStartAreRefusedWithNotStarted() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PA));

        f.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> f.session.admit(M, PA));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> f.session.openSideCaucus(M, A));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> f.session.goTo(M, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.NOT_STARTED, () -> f.post(PA, "hello"));
    }

    @Test
    void onlyTheMediatorStartsTheSession() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(PA));

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.startSession(PA));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.startSession(CA));
        assertEquals(SessionPhase.NOT_STARTED, f.session.phase());
    }

    @Test
    void startingTellsEveryoneConnectedAndCannotBeRepeated() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PB));

        Decision started = f.session.startSession(M);

        assertEquals(Set.of(M, PB), recipientsOf(started, Event.SessionStarted.class));
        f.assertRefusedAndUnchanged(ErrorCode.ALREADY_STARTED, () -> f.session.startSession(M));
    }

    @Test
    void onlyTheMediatorEndsTheSession() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.endSession(PA));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.endSession(CB));
        assertEquals(SessionPhase.LIVE, f.session.phase());
    }

    @Test
    void endingTheSessionTellsEveryConnectedParticipant() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.disconnect(CB));

        Decision ended = f.session.endSession(M);

        assertEquals(Set.of(M, PA, CA, PB), recipientsOf(ended, Event.SessionEnded.class));
        assertInstanceOf(Fact.SessionEnded.class, accepted(ended).facts().get(0));
    }

    @Test
    void endingSessionDropsContent() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId secret = f.say(PA, "SECRET-CAUCUS-WORDS");
        f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(secret, "EDITED-WORDING")));
        assertTrue(f.session.snapshot().toString().contains("SECRET-CAUCUS-WORDS"));

        accepted(f.session.endSession(M));

        SessionSnapshot after = f.session.snapshot();
        assertTrue(after.history().isEmpty(), "no room history survives the session");
        assertTrue(after.releases().isEmpty(), "no release wording survives the session");
        assertFalse(after.toString().contains("SECRET-CAUCUS-WORDS"));
        assertFalse(after.toString().contains("EDITED-WORDING"));
    }

    @Test
    void everyCommandAfterEndIsRefusedWithSessionEnded() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        CaucusId caucus = f.caucusOf(PA);
        ItemId item = f.say(PA, "words");
        ReleaseId release = f.released(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.endSession(M));

        Map<String, Supplier<Decision>> everyCommand = new LinkedHashMap<>();
        everyCommand.put("start", () -> f.session.startSession(M));
        everyCommand.put("end", () -> f.session.endSession(M));
        everyCommand.put("admit", () -> f.session.admit(M, PB));
        everyCommand.put("openSide", () -> f.session.openSideCaucus(M, A));
        everyCommand.put("openAdHoc", () -> f.session.openAdHocCaucus(M, Set.of(PA)));
        everyCommand.put("close", () -> f.session.closeCaucus(M, caucus));
        everyCommand.put("move", () -> f.session.move(M, PB, Place.lobby()));
        everyCommand.put("moveSide", () -> f.session.moveSide(M, A, Place.joint()));
        everyCommand.put("sendToLobby", () -> f.session.sendToLobby(M, PA));
        everyCommand.put("goTo", () -> f.session.goTo(M, Place.joint()));
        everyCommand.put("convey", () -> f.convey(M, release));
        everyCommand.put("connect", () -> f.session.connect(PA));
        everyCommand.put("disconnect", () -> f.session.disconnect(PA));
        everyCommand.put("leave", () -> f.session.leave(PA));
        everyCommand.put("post", () -> f.post(PA, "more"));
        everyCommand.put("typing", () -> f.typing(PA, true));
        everyCommand.put("release", () -> f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        everyCommand.put("propose", () -> f.session.proposeRelease(CA, ReleaseTerms.conveyToJoint(item)));
        everyCommand.put("confirm", () -> f.session.confirmRelease(PA, release));
        everyCommand.put("withdraw", () -> f.session.withdrawRelease(PA, release));
        everyCommand.put("review", () -> f.session.confirmCaucusReview(PA, caucus));
        everyCommand.put("unknownActor", () -> f.session.connect(ParticipantId.of("stranger")));

        everyCommand.forEach((name, command) -> {
            Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, command);
            assertEquals("session_ended", refused.code().wireCode(), name);
        });
        EVERYONE.forEach(p -> assertTrue(f.session.presenceFor(p).orElseThrow().stream()
                .allMatch(e -> e.place() instanceof PlaceView.NotInSession)));
    }

    @Test
    void someoneNotOnTheRosterIsRefused() {
        SessionFixture f = SessionFixture.allInJointRoom();

        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.connect(ParticipantId.of("stranger")));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT, () -> f.post(null, "x"));
    }
}
