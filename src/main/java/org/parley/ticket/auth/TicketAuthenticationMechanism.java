package org.parley.ticket.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.room.MediationSession;
import org.parley.room.service.SessionService;
import org.parley.ticket.TicketClaims;
import org.parley.ticket.TicketVerification;
import org.parley.ticket.TicketVerifier;

/**
 * Authenticates room WebSocket upgrades with a room ticket carried in the {@code Sec-WebSocket-Protocol} header
 * (never in the URL), after checking the upgrade's Origin against the allowlist and the server's own host. Other paths are left to OIDC.
 */
@ApplicationScoped
public class TicketAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The identity attribute holding the verified {@link TicketClaims}. */
    public static final String TICKET_ATTRIBUTE = "parley.ticket";
    /** The identity attribute holding the holder's {@link SessionService.SessionAccess}, checked at the upgrade. */
    public static final String ACCESS_ATTRIBUTE = "parley.session-access";
    /** The subprotocol a client offers and the server selects. */
    public static final String SUBPROTOCOL = "parley.v1";
    /** The prefix of the subprotocol entry that carries the ticket. */
    public static final String TICKET_PREFIX = "ticket.";
    /** The response header naming why an upgrade was refused. */
    public static final String REFUSAL_HEADER = "X-Parley-Refusal";

    private static final Pattern ROOM_PATH = Pattern.compile("^/ws/sessions/([^/]+)$");
    private static final String REFUSAL_KEY = "parley.refusal";

    private final TicketVerifier verifier;
    private final RoomAccessConfig config;
    private final SessionService sessions;
    private final AuditLog audit;

    public TicketAuthenticationMechanism(TicketVerifier verifier, RoomAccessConfig config, SessionService sessions,
            AuditLog audit) {
        this.verifier = verifier;
        this.config = config;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Matcher room = ROOM_PATH.matcher(context.normalizedPath());
        if (!room.matches()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        // The Origin is checked first, so that a cross-site attempt cannot even spend a stolen ticket.
        if (!originAllowed(context.request().getHeader("Origin"), context.request().getHeader("Host"))) {
            return refuse(context, "origin_refused");
        }
        Optional<String> ticket = ticketFrom(context.request().getHeader("Sec-WebSocket-Protocol"));
        TicketVerification verification = verifier.verify(ticket.orElse(null), room.group(1));
        if (verification instanceof TicketVerification.Rejected rejected) {
            return refuse(context, rejected.reason().code());
        }
        TicketClaims claims = ((TicketVerification.Valid) verification).claims();
        // The ticket names its holder; they must still take part in the session's case now, at the upgrade.
        return sessions.access(claims.subject(), UUID.fromString(claims.sessionId()))
                .onFailure().recoverWithItem((SessionService.SessionAccess) null)
                .chain(access -> {
                    if (access == null) {
                        return refuse(context, "not_a_participant");
                    }
                    if (MediationSession.ENDED.equals(access.session().status)) {
                        return refuse(context, "session_ended");
                    }
                    return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(claims.subject()))
                            .addAttribute(TICKET_ATTRIBUTE, claims)
                            .addAttribute(ACCESS_ATTRIBUTE, access)
                            .build());
                });
    }

    /**
     * An upgrade may come from a configured origin, or from the page this server itself served (the Origin names the
     * Host the request was sent to). A missing Origin, {@code null} or any other site is refused.
     */
    boolean originAllowed(String origin, String host) {
        if (origin == null) {
            return false;
        }
        return config.allowedOrigins().contains(origin)
                || host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    static Optional<String> ticketFrom(String protocols) {
        if (protocols == null) {
            return Optional.empty();
        }
        return Arrays.stream(protocols.split(","))
                .map(String::trim)
                .filter(protocol -> protocol.startsWith(TICKET_PREFIX))
                .map(protocol -> protocol.substring(TICKET_PREFIX.length()))
                .findFirst();
    }

    private Uni<SecurityIdentity> refuse(RoutingContext context, String code) {
        context.put(REFUSAL_KEY, code);
        // The refusal is audited by its code alone: the path's session id is untrusted input, so it is not kept.
        return audit.append(new AuditEntry("anonymous", AuditKinds.TICKET_REFUSED, null, null, null, null, null, code))
                .onFailure().recoverWithNull()
                .chain(() -> Uni.createFrom().failure(new AuthenticationFailedException(code)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String code = context.get(REFUSAL_KEY);
        if (code == null) {
            if (!ROOM_PATH.matcher(context.normalizedPath()).matches()) {
                return Uni.createFrom().nullItem();
            }
            code = "ticket_missing";
        }
        int status = code.equals("origin_refused") ? 403 : 401;
        return Uni.createFrom().item(new ChallengeData(status, REFUSAL_HEADER, code));
    }

    @Override
    public int getPriority() {
        // Ahead of the OIDC bearer mechanism, so that room upgrades are judged by their ticket alone.
        return DEFAULT_PRIORITY + 100;
    }
}
