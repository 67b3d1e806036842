package org.parley.livesession;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import org.parley.room.domain.SessionId;

/**
 * The one way into a live session from outside the room: commands go in, decisions come out, and reads are
 * questions with answers, all plain records. Nothing here hands out a live object or takes a callback, so that an
 * implementation may route each call to the server node that holds the session.
 *
 * <p>Commands and queries share this port because they are routed alike (by session, to its owner); they are two
 * entries because they differ in what a router may do with them: a command changes the session and must reach its
 * owner once, in the order it was sent, while a query changes nothing and may be asked again.
 */
public interface LiveSessions {

    /**
     * Applies one command to the session and answers its decision. A session not held live anywhere answers
     * {@link LiveDecision.NotLive}; the command then changed nothing (except that {@link LiveCommand.EndForCaseClosure}
     * still keeps the session from loading again).
     */
    Uni<LiveDecision> send(SessionId session, LiveCommand command);

    /** Asks the session a question; a session not held live anywhere answers {@link LiveAnswer.NotLive}. */
    Uni<LiveAnswer> ask(SessionId session, LiveQuery query);

    /**
     * The sessions of the case held live now, the ones a case-wide change (a consent, an invitation, a revocation)
     * must be sent to. A session that loads after this answer reads the change from the records instead.
     */
    Uni<List<SessionId>> heldForCase(UUID caseId);

    /**
     * Sends a case-wide change to every session of the case held live now, and answers their decisions (in no
     * particular order).
     */
    default Uni<List<LiveDecision>> sendToCase(UUID caseId, LiveCommand command) {
        return heldForCase(caseId).chain(sessions -> sessions.isEmpty() ? Uni.createFrom().item(List.<LiveDecision>of())
                : Uni.join().all(sessions.stream().map(session -> send(session, command)).toList())
                        .andCollectFailures());
    }
}
