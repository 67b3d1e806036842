package org.parley.room.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.room.service.Deliveries;

/**
 * The open room connections: one per participant and session, each with its own frame sequence. Implements
 * {@link Deliveries} over them, so the live session never sees a socket.
 */
@ApplicationScoped
public class RoomConnections implements Deliveries {

    private static final Logger LOG = Logger.getLogger(RoomConnections.class);

    /** Close codes of room connections (documented in docs/protocol.md). */
    public static final CloseReason TOO_MANY_BAD_FRAMES = new CloseReason(4008, "too_many_bad_frames");
    public static final CloseReason REPLACED = new CloseReason(4009, "replaced");
    public static final CloseReason ACCESS_REVOKED = new CloseReason(4403, "access_revoked");
    public static final CloseReason SESSION_ENDED = new CloseReason(4410, "session_ended");
    public static final CloseReason NOT_ON_ROSTER = new CloseReason(4404, "not_on_roster");
    public static final CloseReason SERVER_STOPPING = new CloseReason(1001, "server_stopping");

    private final Map<String, Attached> byConnection = new ConcurrentHashMap<>();
    private final Map<Key, Attached> byParticipant = new ConcurrentHashMap<>();
    private final FrameEncoder encoder;

    public RoomConnections(ObjectMapper json) {
        this.encoder = new FrameEncoder(json);
    }

    private record Key(String session, String participant) {
    }

    /** One connection of one participant: its sequence counter and its count of bad frames. */
    public static final class Attached {
        private final WebSocketConnection connection;
        private final SessionId session;
        private final ParticipantId participant;
        private final String subject;
        private final AtomicLong seq = new AtomicLong();
        private final AtomicInteger badFrames = new AtomicInteger();

        Attached(WebSocketConnection connection, SessionId session, ParticipantId participant, String subject) {
            this.connection = connection;
            this.session = session;
            this.participant = participant;
            this.subject = subject;
        }

        public SessionId session() {
            return session;
        }

        public ParticipantId participant() {
            return participant;
        }

        /** Counts one bad frame and says how many this connection has sent. */
        public int badFrame() {
            return badFrames.incrementAndGet();
        }
    }

    /** Attaches a connection; an earlier connection of the same participant is closed as replaced. */
    public Attached attach(WebSocketConnection connection, SessionId session, ParticipantId participant,
            String subject) {
        Attached attached = new Attached(connection, session, participant, subject);
        byConnection.put(connection.id(), attached);
        Attached earlier = byParticipant.put(new Key(session.value(), participant.value()), attached);
        if (earlier != null) {
            byConnection.remove(earlier.connection.id());
            close(earlier, REPLACED);
        }
        return attached;
    }

    public Optional<Attached> of(WebSocketConnection connection) {
        return Optional.ofNullable(byConnection.get(connection.id()));
    }

    /** Detaches a closed connection; true when it was still the participant's current one. */
    public boolean detach(WebSocketConnection connection) {
        Attached attached = byConnection.remove(connection.id());
        return attached != null
                && byParticipant.remove(new Key(attached.session.value(), attached.participant.value()), attached);
    }

    @Override
    public void deliver(SessionId session, List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            Attached attached = byParticipant.get(new Key(session.value(), delivery.recipient().value()));
            if (attached != null) {
                send(attached, encoder.encode(attached.seq.incrementAndGet(), delivery.event()));
            }
        }
    }

    /** Queued behind everything already sent to this connection, so its arrival proves those frames arrived. */
    public void sendPong(Attached attached, String ref) {
        send(attached, encoder.pong(attached.seq.incrementAndGet(), ref));
    }

    public void sendError(Attached attached, String code, String detail, String ref) {
        send(attached, encoder.error(attached.seq.incrementAndGet(), code, detail, ref));
    }

    /** Tells every client that the server is stopping, so they reconnect elsewhere instead of timing out. */
    void onShutdown(@Observes ShutdownEvent event) {
        byParticipant.values().forEach(attached -> close(attached, SERVER_STOPPING));
    }

    /** Closes every connection of a session, for example when it has ended. */
    public void closeAll(SessionId session, CloseReason reason) {
        byParticipant.values().stream().filter(attached -> attached.session.equals(session))
                .forEach(attached -> close(attached, reason));
    }

    /** The identity subjects that hold open connections now. */
    public Set<String> connectedSubjects() {
        return byParticipant.values().stream().map(attached -> attached.subject).collect(Collectors.toSet());
    }

    /** Closes every connection held by this identity subject, in every session. */
    public void closeSubject(String subject, CloseReason reason) {
        byParticipant.values().stream().filter(attached -> attached.subject.equals(subject))
                .forEach(attached -> close(attached, reason));
    }

    /** Closes a participant's connections in every session, for example when their access was revoked. */
    public void closeEverywhere(ParticipantId participant, CloseReason reason) {
        byParticipant.values().stream().filter(attached -> attached.participant.equals(participant))
                .forEach(attached -> close(attached, reason));
    }

    public void close(Attached attached, CloseReason reason) {
        attached.connection.close(reason).subscribe().with(done -> {
        }, failure -> LOG.debugf("closing connection %s failed: %s", attached.connection.id(),
                failure.getClass().getSimpleName()));
    }

    private static void send(Attached attached, String frame) {
        attached.connection.sendText(frame).subscribe().with(done -> {
        }, failure -> LOG.debugf("frame to connection %s not sent: %s", attached.connection.id(),
                failure.getClass().getSimpleName()));
    }
}
