package org.parley.livesession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.PresenceEntry;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;
import org.parley.testing.JointRoom;
import org.parley.testing.MediationFixture;
import org.parley.testing.RoomClient;

/**
 * The live-session port through the real server: commands go in as records and come out as value decisions that
 * the session's clients see the effect of; queries answer values; a session that is not live answers so, typed.
 */
@QuarkusTest
class LiveSessionsPortTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI server;

    @Inject
    LiveSessions live;

    @Test
    void aSessionThatIsNotLiveAnswersNotLiveToEveryCommandAndQuery() {
        SessionId unknown = new SessionId(UUID.randomUUID().toString());
        ParticipantId someone = ParticipantId.of(UUID.randomUUID().toString());
        List<LiveCommand> commands = List.of(
                new LiveCommand.AttestationGiven(Participant.thirdParty(someone.value(), "Nobody")),
                new LiveCommand.ConsentChanged(someone, someone, true),
                new LiveCommand.ParticipantInvited(Participant.thirdParty(someone.value(), "Nobody")),
                new LiveCommand.ParticipantRevoked(someone),
                new LiveCommand.EndForCaseClosure());
        for (LiveCommand command : commands) {
            assertEquals(new LiveDecision.NotLive(unknown), send(unknown, command), command.toString());
        }
        List<LiveQuery> queries = List.of(new LiveQuery.Phase(), new LiveQuery.PresenceFor(someone),
                new LiveQuery.StatusesFor(someone), new LiveQuery.DocumentAccess(someone, new ItemId("i-1")));
        for (LiveQuery query : queries) {
            assertEquals(new LiveAnswer.NotLive(unknown), ask(unknown, query), query.toString());
        }
        SessionId notAnId = new SessionId("not-a-session");
        assertEquals(new LiveDecision.NotLive(notAnId), send(notAnId, new LiveCommand.ParticipantRevoked(someone)));
        assertTrue(live.heldForCase(UUID.randomUUID()).await().atMost(WAIT).isEmpty());
    }

    @Test
    void queriesAnswerWhatTheSessionShowsAndOnlyToThoseEntitled() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            SessionId session = new SessionId(fixture.sessionId);
            ParticipantId mediator = ParticipantId.of(fixture.participant(JointRoom.MEDIATOR));
            ParticipantId partyA = ParticipantId.of(fixture.participant("party.a"));

            assertEquals(new LiveAnswer.PhaseIs(SessionPhase.LIVE), ask(session, new LiveQuery.Phase()));
            LiveAnswer presence = ask(session, new LiveQuery.PresenceFor(mediator));
            List<ParticipantId> present = assertInstanceOf(LiveAnswer.Presence.class, presence).entries().stream()
                    .map(PresenceEntry::participant).toList();
            assertTrue(present.contains(partyA), present.toString());
            assertInstanceOf(LiveAnswer.Statuses.class, ask(session, new LiveQuery.StatusesFor(mediator)));

            // Only the mediator learns who has attested; a stranger sees nobody's whereabouts.
            LiveAnswer partyAsks = ask(session, new LiveQuery.StatusesFor(partyA));
            assertEquals(ErrorCode.FORBIDDEN, assertInstanceOf(LiveAnswer.Refused.class, partyAsks).code());
            LiveAnswer strangerAsks = ask(session, new LiveQuery.PresenceFor(ParticipantId.of(UUID.randomUUID().toString())));
            assertEquals(ErrorCode.NO_SUCH_PARTICIPANT, assertInstanceOf(LiveAnswer.Refused.class, strangerAsks).code());
            LiveAnswer noItem = ask(session, new LiveQuery.DocumentAccess(partyA, new ItemId("no-such-item")));
            assertEquals(ErrorCode.NO_SUCH_ITEM, assertInstanceOf(LiveAnswer.Refused.class, noItem).code());

            assertEquals(List.of(session), live.heldForCase(UUID.fromString(fixture.caseId)).await().atMost(WAIT));
        }
    }

    @Test
    void commandsTakeEffectInTheSessionAndAnswerTheirDecision() {
        MediationFixture fixture = MediationFixture.create(server);
        try (JointRoom room = JointRoom.open(fixture, "party.a", "party.b")) {
            SessionId session = new SessionId(fixture.sessionId);
            RoomClient mediator = room.mediator();
            RoomClient partyB = room.client("party.b");

            String newcomer = UUID.randomUUID().toString();
            LiveDecision invited = send(session, new LiveCommand.ParticipantInvited(
                    Participant.thirdParty(newcomer, "Port Observer " + newcomer.substring(0, 8))));
            assertEquals(new LiveDecision.Accepted(List.of()), invited);
            mediator.await("roster_changed", frame -> frame.path("participant").asText().equals(newcomer));

            // A consent naming someone who is no third party is refused with the rule's own code, and changes nothing.
            ParticipantId partyA = ParticipantId.of(fixture.participant("party.a"));
            LiveDecision refused = send(session, new LiveCommand.ConsentChanged(partyA,
                    ParticipantId.of(UUID.randomUUID().toString()), true));
            assertEquals(ErrorCode.NO_SUCH_PARTICIPANT, assertInstanceOf(LiveDecision.Refused.class, refused).code());

            LiveDecision revoked = send(session, new LiveCommand.ParticipantRevoked(
                    ParticipantId.of(fixture.participant("party.b"))));
            assertEquals(new LiveDecision.Accepted(List.of()), revoked);
            assertEquals(4403, partyB.closeCode());

            LiveDecision ended = send(session, new LiveCommand.EndForCaseClosure());
            assertEquals(new LiveDecision.Accepted(List.of()), ended);
            JsonNode end = mediator.await("session_ended");
            assertEquals("case_closed", end.path("reason").asText());
            assertEquals(4410, mediator.closeCode());
            // Gone from memory, and it does not come back.
            assertEquals(new LiveAnswer.NotLive(session), ask(session, new LiveQuery.Phase()));
            assertEquals(new LiveDecision.NotLive(session), send(session, new LiveCommand.EndForCaseClosure()));
            assertTrue(live.heldForCase(UUID.fromString(fixture.caseId)).await().atMost(WAIT).isEmpty());
        }
    }

    private LiveDecision send(SessionId session, LiveCommand command) {
        return live.send(session, command).await().atMost(WAIT);
    }

    private LiveAnswer ask(SessionId session, LiveQuery query) {
        return live.ask(session, query).await().atMost(WAIT);
    }
}
