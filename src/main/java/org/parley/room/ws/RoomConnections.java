package org.parley.room.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import io.vertx.core.buffer.Buffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.parley.media.MediaSignal;
import org.parley.media.MediaSignals;
import org.parley.platform.shutdown.Draining;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.room.service.Deliveries;

/**
 * The open room connections: one per participant and session. Each participant's frames are numbered by its
 * {@link ParticipantStream}, which outlives a connection for the resume window. Implements {@link Deliveries} and
 * the media relay's {@link MediaSignals} over them, so neither sees a socket.
 */
@ApplicationScoped
public class RoomConnections implements Deliveries, MediaSignals {

    private static final Logger LOG = Logger.getLogger(RoomConnections.class);

    /** Close codes of room connections (documented in docs/protocol.md). */
    public static final CloseReason TOO_MANY_BAD_FRAMES = new CloseReason(4008, "too_many_bad_frames");
    public static final CloseReason REPLACED = new CloseReason(4009, "replaced");
    public static final CloseReason ACCESS_REVOKED = new CloseReason(4403, "access_revoked");
    public static final CloseReason SESSION_ENDED = new CloseReason(4410, "session_ended");
    public static final CloseReason NOT_ON_ROSTER = new CloseReason(4404, "not_on_roster");
    /** RFC 6455 1001 "going away": the server is stopping; the client reconnects on its own (to this or another node). */
    public static final CloseReason SERVER_RESTARTING = new CloseReason(1001, "server_restarting");
    /** The client read too slowly: more than the outbound limit waited unsent. It may reconnect. */
    public static final CloseReason SLOW_READER = new CloseReason(4408, "slow_reader");
    /** The client answered no ping for the heartbeat timeout: the connection counts as dead. It may reconnect. */
    public static final CloseReason HEARTBEAT_TIMEOUT = new CloseReason(4004, "heartbeat_timeout");
    /** The client kept sending over the frame rate limit. */
    public static final CloseReason RATE_LIMITED = new CloseReason(4429, "rate_limited");
    /** The server could not open the connection for a passing reason (for example a database blip); retry. */
    public static final CloseReason TRY_AGAIN = new CloseReason(1011, "try_again");
    /** RFC 6455 1003: a binary frame; this protocol speaks text frames only. */
    public static final CloseReason TEXT_ONLY = new CloseReason(1003, "text_frames_only");
    /** RFC 6455 1009: a frame or message above the transport's size limit. */
    public static final CloseReason FRAME_TOO_BIG = new CloseReason(1009, "too_large");
    /** RFC 6455 1002: a frame that breaks the WebSocket framing rules. */
    public static final CloseReason PROTOCOL_ERROR = new CloseReason(1002, "protocol_error");

    /** The payload of heartbeat pings; clients echo it in their pong. */
    private static final Buffer PING = Buffer.buffer("parley");

    private final Map<String, Attached> byConnection = new ConcurrentHashMap<>();
    private final Map<Key, Attached> byParticipant = new ConcurrentHashMap<>();
    private final ParticipantStreams streams;
    private final AcceptedClientIds clientIds;
    private final FrameEncoder encoder;
    private final RoomTransportConfig limits;
    private final Clock clock;
    /** Bytes handed to the transport and not yet written, over every connection (the gauge below). */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Counter slowReaders;
    private final Event<ConnectionDropped> dropped;

    public RoomConnections(ObjectMapper json, RoomTransportConfig limits, Clock clock, MeterRegistry metrics,
            Event<ConnectionDropped> dropped) {
        this.dropped = dropped;
        this.encoder = new FrameEncoder(json);
        this.limits = limits;
        this.clock = clock;
        Gauge.builder("parley.room.outbound.queued", queuedBytes, AtomicLong::get).baseUnit("bytes")
                .description("bytes of room frames waiting to be written to slow connections")
                .register(metrics);
        this.clientIds = new AcceptedClientIds(limits.clientIdsRemembered());
        // Below 2^31, so that numbers stay exact in every client's arithmetic for the life of any session.
        this.streams = new ParticipantStreams(encoder, limits.resumeWindow(), limits.resumeBuffer().frames(),
                limits.resumeBuffer().bytes(), () -> 1 + new SecureRandom().nextInt(Integer.MAX_VALUE >> 1));
        this.slowReaders = Counter.builder("parley.room.connections.slow.reader")
                .description("room connections closed because their client stopped reading").register(metrics);
    }

    private record Key(String session, String participant) {
    }

    /**
     * One connection of one participant: its participant's frame stream, its count of bad frames, its frame rate
     * limit and its queue of unsent bytes.
     */
    public static final class Attached {
        private final WebSocketConnection connection;
        private final SessionId session;
        private final ParticipantId participant;
        private final String subject;
        private volatile ParticipantStream stream;
        /** Where this connection's frames go: counted in its outbound queue, then written. */
        private volatile ParticipantStreams.Outlet outlet;
        private final AtomicInteger badFrames = new AtomicInteger();
        private final FrameRateLimiter rate;
        private final OutboundQueue outbound;
        private final AtomicBoolean slowMarked = new AtomicBoolean();
        /** When the client last showed it is alive: it connected, answered a ping or sent a frame. */
        private volatile Instant lastHeard;

        Attached(WebSocketConnection connection, SessionId session, ParticipantId participant, String subject,
                FrameRateLimiter rate, OutboundQueue outbound, Instant openedAt) {
            this.lastHeard = openedAt;
            this.connection = connection;
            this.session = session;
            this.participant = participant;
            this.subject = subject;
            this.rate = rate;
            this.outbound = outbound;
        }

        /** Whether the next incoming frame is within this connection's rate limit. */
        FrameRateLimiter.Verdict admitFrame() {
            return rate.admit();
        }

        public SessionId session() {
            return session;
        }

        public ParticipantId participant() {
            return participant;
        }

        /** The client answered a ping or sent a frame at {@code at}. */
        public void heard(Instant at) {
            if (at.isAfter(lastHeard)) {
                lastHeard = at;
            }
        }

        /** Counts one bad frame and says how many this connection has sent. */
        public int badFrame() {
            return badFrames.incrementAndGet();
        }
    }

    /** Attaches a connection that did not ask to resume; see {@link #attach(WebSocketConnection, SessionId, ParticipantId, String, Long)}. */
    public Attached attach(WebSocketConnection connection, SessionId session, ParticipantId participant,
            String subject) {
        return attach(connection, session, participant, subject, null);
    }

    /**
     * Attaches a connection; an earlier connection of the same participant is closed as replaced. With
     * {@code resumeFrom} (the last sequence number the client read), the frames after it are sent again first, in
     * order, when the participant's stream still holds them all; otherwise the arrival that follows says
     * {@code not_possible} and is a fresh snapshot. The stream is locked throughout, so no frame of a concurrent
     * decision can slip in between the replay and what follows it.
     */
    public Attached attach(WebSocketConnection connection, SessionId session, ParticipantId participant,
            String subject, Long resumeFrom) {
        RoomTransportConfig.Frames frames = limits.frames();
        Key key = new Key(session.value(), participant.value());
        Instant now = clock.instant();
        Attached attached = new Attached(connection, session, participant, subject,
                new FrameRateLimiter(frames.rate(), frames.burst(), frames.refusalsBeforeClose(), clock),
                new OutboundQueue(limits.outboundQueueMaxBytes(), queuedBytes), now);
        attached.outlet = frame -> send(attached, frame);
        Attached[] earlier = new Attached[1];
        streams.attach(session.value(), participant.value(), attached.outlet, resumeFrom, now,
                stream -> {
                    // Known to the stream before anyone can find the connection, so no send finds it half made.
                    attached.stream = stream;
                    byConnection.put(connection.id(), attached);
                    earlier[0] = byParticipant.put(key, attached);
                });
        if (earlier[0] != null) {
            byConnection.remove(earlier[0].connection.id());
            close(earlier[0], REPLACED);
        }
        return attached;
    }

    public Optional<Attached> of(WebSocketConnection connection) {
        return Optional.ofNullable(byConnection.get(connection.id()));
    }

    /**
     * Detaches a closed connection; true when it was still the participant's current one. The participant's stream
     * stays for the resume window from now.
     */
    public boolean detach(WebSocketConnection connection) {
        Attached attached = byConnection.remove(connection.id());
        if (attached == null) {
            return false;
        }
        streams.detach(attached.stream, attached.outlet, clock.instant());
        return byParticipant.remove(new Key(attached.session.value(), attached.participant.value()), attached);
    }

    /** Numbers, keeps and sends each delivery to its recipient (see {@link ParticipantStreams#deliver}). */
    @Override
    public void deliver(SessionId session, List<Delivery> deliveries) {
        streams.deliver(session.value(), deliveries);
    }

    /** Media signaling belongs to the connection it is sent on: numbered, never kept for a replay. */
    @Override
    public void send(SessionId session, ParticipantId participant, MediaSignal signal) {
        streams.sendToCurrent(session.value(), participant.value(), seq -> encoder.signal(seq, signal), false);
    }

    /**
     * Queued behind everything already sent to this connection, so its arrival proves those frames arrived. A pong
     * answers that connection only: numbered, never kept for a replay.
     */
    public void sendPong(Attached attached, String ref) {
        streams.reply(attached.stream, attached.outlet, seq -> encoder.pong(seq, ref), false);
    }

    public void sendError(Attached attached, String code, String detail, String ref) {
        sendError(attached, code, detail, ref, null);
    }

    /** An error to the sender of a refused frame, kept for a replay like every frame the session addressed. */
    public void sendError(Attached attached, String code, String detail, String ref, String clientId) {
        streams.reply(attached.stream, attached.outlet, seq -> encoder.error(seq, code, detail, ref, clientId), true);
    }

    /**
     * Acknowledges an accepted frame by its client id, to the participant's current connection, kept for a replay:
     * a client whose connection dropped before the ack arrived gets it on resuming.
     */
    public void sendAck(SessionId session, ParticipantId participant, String clientId) {
        streams.sendToCurrent(session.value(), participant.value(), seq -> encoder.ack(seq, clientId), true);
    }

    /** The client ids this participant's accepted frames carried, to apply each frame once. */
    AcceptedClientIds.Remembered acceptedClientIds(SessionId session, ParticipantId participant) {
        return clientIds.lockFor(session, participant);
    }

    /**
     * Forgets the streams of participants whose connection ended before the resume window reaching back from
     * {@code now}: a later reconnect of theirs gets a fresh snapshot. Runs with every heartbeat.
     */
    public void expireResumeWindows(Instant now) {
        streams.expire(now);
    }

    /** How many participant streams of this session are held now (for tests of bounded memory). */
    public int streamsHeld(SessionId session) {
        return streams.held(session.value());
    }

    /**
     * One heartbeat at {@code now}: a connection not heard from within the timeout is let go of as dead (its
     * participant is shown disconnected at once, keeping its place, and the close frame is sent for a client that
     * may still read it); every other connection gets a WebSocket ping, which browsers answer by themselves.
     */
    public void heartbeat(Instant now) {
        expireResumeWindows(now);
        Instant heardSince = now.minus(limits.heartbeat().timeout());
        for (Attached attached : List.copyOf(byParticipant.values())) {
            if (attached.lastHeard.isBefore(heardSince)) {
                LOG.debugf("connection %s answered no ping: closed as dead", attached.connection.id());
                if (detach(attached.connection)) {
                    dropped.fireAsync(new ConnectionDropped(attached.session, attached.participant));
                }
                close(attached, HEARTBEAT_TIMEOUT);
            } else {
                attached.connection.sendPing(PING).subscribe().with(done -> {
                }, failure -> LOG.debugf("ping to connection %s not sent: %s", attached.connection.id(),
                        failure.getClass().getSimpleName()));
            }
        }
    }

    /** When the server last heard from this participant's connection in this session (empty when not connected). */
    public Optional<Instant> lastHeard(SessionId session, ParticipantId participant) {
        return Optional.ofNullable(byParticipant.get(new Key(session.value(), participant.value())))
                .map(attached -> attached.lastHeard);
    }

    /**
     * Tells every client that the server is stopping, so they reconnect instead of timing out, and waits (bounded)
     * until their closes were handled, so that the disconnects they record are under way before the writes are
     * flushed.
     */
    void onDraining(@Observes Draining draining) throws InterruptedException {
        byParticipant.values().forEach(attached -> close(attached, SERVER_RESTARTING));
        while (!byConnection.isEmpty() && !draining.left().isZero()) {
            Thread.sleep(20);
        }
    }

    /** Closes every connection of a session, for example when it has ended; its streams and client ids go too. */
    @Override
    public void sessionEnded(SessionId session) {
        closeAll(session, SESSION_ENDED);
        streams.forgetSession(session.value());
        clientIds.forgetSession(session);
    }

    @Override
    public void accessRevoked(SessionId session, ParticipantId participant) {
        Optional.ofNullable(byParticipant.get(new Key(session.value(), participant.value())))
                .ifPresent(attached -> close(attached, ACCESS_REVOKED));
    }

    public void closeAll(SessionId session, CloseReason reason) {
        byParticipant.values().stream().filter(attached -> attached.session.equals(session))
                .forEach(attached -> close(attached, reason));
    }

    /** Bytes of frames handed to the transport and not yet written, over every connection. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    /** The most bytes that were ever waiting at once for this connection (zero once it is gone). */
    public long highWaterBytes(WebSocketConnection connection) {
        Attached attached = byConnection.get(connection.id());
        return attached == null ? 0 : attached.outbound.highWaterBytes();
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

    /**
     * Sends one frame, counting its bytes until the transport has written them. A client that stops reading makes
     * them pile up; past the limit nothing more is queued for it and it is closed as a slow reader, so the server
     * never buffers without bound for one connection.
     */
    private void send(Attached attached, String frame) {
        long bytes = ParticipantStream.utf8Length(frame);
        if (!attached.outbound.reserve(bytes)) {
            if (markSlow(attached)) {
                slowReaders.increment();
                LOG.debugf("connection %s closed as a slow reader", attached.connection.id());
                // Its close handshake waits behind the bytes it does not read, so it is let go of now: no more
                // frames are queued for it, and the session sees the participant disconnected at once.
                if (detach(attached.connection)) {
                    dropped.fireAsync(new ConnectionDropped(attached.session, attached.participant));
                }
                close(attached, SLOW_READER);
            }
            return;
        }
        attached.connection.sendText(frame).subscribe().with(done -> attached.outbound.release(bytes), failure -> {
            attached.outbound.release(bytes);
            LOG.debugf("frame to connection %s not sent: %s", attached.connection.id(),
                    failure.getClass().getSimpleName());
        });
    }

    /** True the first time only, so a slow reader is closed (and counted) once. */
    private static boolean markSlow(Attached attached) {
        return attached.slowMarked.compareAndSet(false, true);
    }
}
