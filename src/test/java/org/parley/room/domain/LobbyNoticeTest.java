package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.NOW;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mediator's message to the lobby: who receives it (those connected there then, and the mediator), who never. */
class LobbyNoticeTest {

    private static final String TEXT = "I'll be with you in about ten minutes.";

    @Test
    void reachesExactlyThoseConnectedInTheLobbyAndTheMediatorNeverAnyoneInARoom() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        accepted(f.session.sendToLobby(M, PB));
        accepted(f.session.sendToLobby(M, CB));
        accepted(f.session.disconnect(CB));

        Decision told = f.session.tellLobby(M, TEXT);

        assertEquals(Set.of(PB, M), recipientsOf(told, Event.LobbyNotice.class),
                "party B waits in the lobby; counsel B is there but not connected; side A is in its caucus");
        assertEquals(List.of(new Event.LobbyNotice(TEXT, NOW)), eventsFor(told, PB, Event.LobbyNotice.class));
        assertTrue(accepted(told).facts().isEmpty(), "nothing of it is recorded");
        for (ParticipantId inRoom : List.of(PA, CA)) {
            assertTrue(eventsFor(told, inRoom, Event.LobbyNotice.class).isEmpty(), inRoom + " is in a room");
        }
    }

    @Test
    void whoeverComesToTheLobbyLaterNeverReadsIt() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, PA));
        accepted(f.session.tellLobby(M, TEXT));

        Decision moved = f.session.sendToLobby(M, PB);

        assertTrue(recipientsOf(moved, Event.LobbyNotice.class).isEmpty(), "the lobby keeps no history");
    }

    @Test
    void theMediatorMayTellThoseWaitingBeforeTheStart() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.connect(PA));

        Decision told = f.session.tellLobby(M, TEXT);

        assertEquals(Set.of(PA, M), recipientsOf(told, Event.LobbyNotice.class));
    }

    @Test
    void onlyTheMediatorTellsTheLobbyAndNotAfterTheEnd() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, PB));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.tellLobby(PB, TEXT));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.tellLobby(PA, TEXT));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.tellLobby(ParticipantId.of("stranger"), TEXT));

        accepted(f.session.endSession(M));
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, () -> f.session.tellLobby(M, TEXT));
    }
}
