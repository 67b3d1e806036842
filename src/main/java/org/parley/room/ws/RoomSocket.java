package org.parley.room.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.parley.media.MediaRelay;
import org.parley.room.domain.Decision;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.room.service.LiveSessionRegistry;
import org.parley.room.service.SessionEndedException;
import org.parley.room.service.SessionRuntime;
import org.parley.room.service.SessionService;
import org.parley.ticket.auth.TicketAuthenticationMechanism;

/**
 * The room WebSocket: one connection per participant and session, opened with a verified room ticket. It decodes
 * frames, hands them to the live session, and leaves every routing decision to the domain.
 */
@WebSocket(path = "/ws/sessions/{sessionId}")
@Authenticated
public class RoomSocket {

    private static final Logger LOG = Logger.getLogger(RoomSocket.class);

    /** Bad frames one connection may send before it is closed. */
    static final int BAD_FRAME_LIMIT = 20;
    /** The error code of a frame refused because its connection sent too many too fast. */
    static final String RATE_LIMITED = "rate_limited";

    private final SecurityIdentity identity;
    private final LiveSessionRegistry registry;
    private final RoomConnections connections;
    private final FrameDecoder decoder;
    private final MediaRelay relay;
    private final Clock clock;

    public RoomSocket(SecurityIdentity identity, LiveSessionRegistry registry, RoomConnections connections,
            ObjectMapper json, MediaRelay relay, Clock clock) {
        this.clock = clock;
        this.relay = relay;
        this.identity = identity;
        this.registry = registry;
        this.connections = connections;
        this.decoder = new FrameDecoder(json);
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection) {
        // The upgrade was authenticated with a ticket for exactly this path's session, and the holder's
        // participation was checked then (TicketAuthenticationMechanism).
        SessionService.SessionAccess access = identity.getAttribute(TicketAuthenticationMechanism.ACCESS_ATTRIBUTE);
        if (access == null || !access.session().id.toString().equals(connection.pathParam("sessionId"))) {
            // Only a room ticket for this very session opens a room; any other identity is turned away.
            return connection.close(RoomConnections.ACCESS_REVOKED);
        }
        UUID sessionId = access.session().id;
        ParticipantId participant = ParticipantId.of(access.participant().id.toString());
        // Someone invited while the session is live is normally on its roster already (announced at the
        // invitation); if the roster was loading at that moment, they join it here, announced, before connecting.
        return registry.runtime(sessionId)
                .call(runtime -> registry.ensureOnRoster(runtime, access.participant()))
                .chain(runtime -> {
                    RoomConnections.Attached attached = connections.attach(connection,
                            new SessionId(sessionId.toString()), participant, access.participant().subject,
                            ResumeCursor.from(connection.handshakeRequest().query()).orElse(null));
                    return Uni.createFrom().completionStage(runtime.submit(session -> session.connect(participant)))
                            .chain(connected -> {
                                if (connected instanceof Decision.Refused refused) {
                                    connections.sendError(attached, refused.code().wireCode(), refused.detail(),
                                            null);
                                    connections.detach(connection);
                                    return connection.close(RoomConnections.NOT_ON_ROSTER);
                                }
                                return Uni.createFrom().voidItem();
                            });
                }).onFailure(SessionEndedException.class).recoverWithUni(ended -> {
                    connections.detach(connection);
                    return connection.close(RoomConnections.SESSION_ENDED);
                }).onFailure().recoverWithUni(failure -> {
                    // Access was confirmed at the upgrade, so a failure here is the server's (a database blip,
                    // say), not a withdrawal: the client is told to try again rather than that its access is gone.
                    LOG.warnf("room connection %s could not open: %s", connection.id(),
                            failure.getClass().getName());
                    connections.detach(connection);
                    return connection.close(RoomConnections.TRY_AGAIN);
                });
    }

    /** A pong (the browser's automatic answer to the heartbeat's ping) shows the connection is alive. */
    @OnPongMessage
    @NonBlocking
    public void onPong(WebSocketConnection connection, Buffer ignored) {
        connections.of(connection).ifPresent(attached -> attached.heard(clock.instant()));
    }

    /**
     * Runs on the connection's event loop, like everything it calls (decoding, the session's decision, the writes):
     * a worker thread per frame would put every sender of a busy session behind its lock at once, and on few CPUs
     * a descheduled lock holder keeps them all waiting.
     */
    @OnTextMessage
    @NonBlocking
    public void onMessage(WebSocketConnection connection, String text) {
        connections.of(connection).ifPresent(attached -> {
            attached.heard(clock.instant());
            if (!withinRate(attached)) {
                return;
            }
            FrameDecoder.Result result = decoder.decode(text);
            if (result instanceof FrameDecoder.Undecodable bad) {
                refuseBadFrame(attached, bad.code(), bad.detail(), bad.ref(), bad.clientId());
                return;
            }
            FrameDecoder.Decoded decoded = (FrameDecoder.Decoded) result;
            ClientFrame frame = decoded.frame();
            if (frame instanceof ClientFrame.Ping ping) {
                connections.sendPong(attached, ping.ref());
                return;
            }
            if (frame instanceof ClientFrame.MediaFrame media) {
                // Signaling is relayed, never applied to the session: the relay only serves grants the session made.
                if (!relay.fromClient(attached.session(), attached.participant(), MediaFrames.signal(media))) {
                    connections.sendError(attached, ErrorCode.NO_MEDIA.wireCode(),
                            "no audio/video grant (or no such subscription) now", frame.ref());
                }
                return;
            }
            Optional<SessionRuntime> runtime = registry.find(UUID.fromString(attached.session().value()));
            if (runtime.isEmpty()) {
                // The session ended and left memory; this connection is about to be closed with 4410.
                connections.sendError(attached, ErrorCode.SESSION_ENDED.wireCode(), "the session has ended",
                        frame.ref(), decoded.clientId());
                return;
            }
            runtime.get().touch(clock.instant());
            if (decoded.clientId() == null) {
                // A frame with legal weight is answered once recorded (or refused try_again), so this does not wait.
                runtime.get().submit(session -> CommandDispatcher.dispatch(session, attached.participant(), frame))
                        .thenAccept(decision -> {
                            if (decision instanceof Decision.Refused refused) {
                                connections.sendError(attached, refused.code().wireCode(), refused.detail(),
                                        frame.ref());
                            }
                        });
            } else {
                applyOnce(attached, runtime.get(), frame, decoded.clientId());
            }
        });
    }

    /**
     * Applies a frame that carries a client id at most once per participant: a resent copy (after a reconnect, or
     * on a second connection at the same moment) is acknowledged again and changes nothing. The ack follows the
     * frames the command caused, so a client that sees it has seen them. A refusal is not remembered: the same id
     * may be sent again once the reason has passed.
     */
    private void applyOnce(RoomConnections.Attached attached, SessionRuntime runtime, ClientFrame frame,
            String clientId) {
        AcceptedClientIds.Remembered accepted = connections.acceptedClientIds(attached.session(),
                attached.participant());
        accepted.applyOnce(clientId, () -> runtime.submit(
                session -> CommandDispatcher.dispatch(session, attached.participant(), frame)))
                .thenAccept(refusal -> {
                    if (refusal.isPresent()) {
                        connections.sendError(attached, refusal.get().code().wireCode(), refusal.get().detail(),
                                frame.ref(), clientId);
                        return;
                    }
                    runtime.afterDeliveries(() -> connections.sendAck(attached.session(), attached.participant(),
                            clientId));
                });
    }

    /** Applies the connection's frame rate limit; a frame over it is answered and dropped undecoded. */
    private boolean withinRate(RoomConnections.Attached attached) {
        FrameRateLimiter.Verdict verdict = attached.admitFrame();
        if (verdict == FrameRateLimiter.Verdict.ACCEPTED) {
            return true;
        }
        if (verdict == FrameRateLimiter.Verdict.EXHAUSTED) {
            connections.close(attached, RoomConnections.RATE_LIMITED);
        } else {
            connections.sendError(attached, RATE_LIMITED, "too many frames; slow down", null);
        }
        return false;
    }

    /** The protocol is text frames only; a binary frame ends the connection as RFC 6455 prescribes (1003). */
    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection connection, Buffer ignored) {
        return connection.close(RoomConnections.TEXT_ONLY);
    }

    /**
     * A frame the transport itself rejects (above the size limit, or broken framing) ends the connection; Vert.x
     * drops the TCP connection at once, and where it has not yet, the RFC 6455 close code says why. Client input
     * never produces a stack trace in the log.
     */
    @OnError
    public Uni<Void> onBrokenFrame(WebSocketConnection connection, CorruptedWebSocketFrameException broken) {
        if (!connection.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        boolean tooBig = broken.closeStatus() != null
                && broken.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
        return connection.close(tooBig ? RoomConnections.FRAME_TOO_BIG : RoomConnections.PROTOCOL_ERROR);
    }

    /** Anything else that goes wrong on a connection: logged by kind only (never a message that could hold input). */
    @OnError
    public Uni<Void> onFailure(WebSocketConnection connection, Throwable failure) {
        if (failure instanceof HttpClosedException) {
            // The client went away while something was still being sent to it: an ordinary end.
            return Uni.createFrom().voidItem();
        }
        LOG.warnf("room connection %s failed: %s", connection.id(), failure.getClass().getName());
        return connection.isOpen() ? connection.close(RoomConnections.TRY_AGAIN) : Uni.createFrom().voidItem();
    }

    private void refuseBadFrame(RoomConnections.Attached attached, ErrorCode code, String detail, String ref,
            String clientId) {
        connections.sendError(attached, code.wireCode(), detail, ref, clientId);
        if (attached.badFrame() >= BAD_FRAME_LIMIT) {
            connections.close(attached, RoomConnections.TOO_MANY_BAD_FRAMES);
        }
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        connections.of(connection).ifPresent(attached -> {
            if (connections.detach(connection)) {
                registry.find(UUID.fromString(attached.session().value()))
                        .ifPresent(runtime -> runtime.submit(session -> session.disconnect(attached.participant())));
            }
        });
    }
}
