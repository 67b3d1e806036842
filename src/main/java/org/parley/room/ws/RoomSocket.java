package org.parley.room.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.parley.room.domain.Decision;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;
import org.parley.room.service.LiveSessionRegistry;
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

    /** Bad frames one connection may send before it is closed. */
    static final int BAD_FRAME_LIMIT = 20;

    private final SecurityIdentity identity;
    private final LiveSessionRegistry registry;
    private final RoomConnections connections;
    private final FrameDecoder decoder;

    public RoomSocket(SecurityIdentity identity, LiveSessionRegistry registry, RoomConnections connections,
            ObjectMapper json) {
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
        UUID sessionId = access.session().id;
        ParticipantId participant = ParticipantId.of(access.participant().id.toString());
        // Someone invited while the session is live is normally on its roster already (announced at the
        // invitation); if the roster was loading at that moment, they join it here, announced, before connecting.
        return registry.runtime(sessionId)
                .call(runtime -> registry.ensureOnRoster(runtime, access.participant()))
                .chain(runtime -> {
                    RoomConnections.Attached attached = connections.attach(connection,
                            new SessionId(sessionId.toString()), participant, access.participant().subject);
                    Decision connected = runtime.apply(session -> session.connect(participant));
                    if (connected instanceof Decision.Refused refused) {
                        connections.sendError(attached, refused.code().wireCode(), refused.detail(), null);
                        connections.detach(connection);
                        return connection.close(RoomConnections.NOT_ON_ROSTER);
                    }
                    return Uni.createFrom().voidItem();
                }).onFailure().recoverWithUni(failure -> connection.close(RoomConnections.ACCESS_REVOKED));
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        connections.of(connection).ifPresent(attached -> {
            FrameDecoder.Result result = decoder.decode(text);
            if (result instanceof FrameDecoder.Undecodable bad) {
                refuseBadFrame(attached, bad.code(), bad.detail(), bad.ref());
                return;
            }
            ClientFrame frame = ((FrameDecoder.Decoded) result).frame();
            SessionRuntime runtime = registry.find(UUID.fromString(attached.session().value())).orElseThrow();
            Decision decision = runtime.apply(session -> CommandDispatcher.dispatch(session, attached.participant(), frame));
            if (decision instanceof Decision.Refused refused) {
                connections.sendError(attached, refused.code().wireCode(), refused.detail(), frame.ref());
            } else if (runtime.read(session -> session.phase()) == SessionPhase.ENDED) {
                connections.closeAll(attached.session(), RoomConnections.SESSION_ENDED);
            }
        });
    }

    private void refuseBadFrame(RoomConnections.Attached attached, ErrorCode code, String detail, String ref) {
        connections.sendError(attached, code.wireCode(), detail, ref);
        if (attached.badFrame() >= BAD_FRAME_LIMIT) {
            connections.close(attached, RoomConnections.TOO_MANY_BAD_FRAMES);
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        connections.of(connection).ifPresent(attached -> {
            if (connections.detach(connection)) {
                registry.find(UUID.fromString(attached.session().value()))
                        .ifPresent(runtime -> runtime.apply(session -> session.disconnect(attached.participant())));
            }
        });
    }
}
