package org.parley.ticket.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.platform.shutdown.ServerDrain;
import org.parley.room.MediationSession;
import org.parley.room.service.SessionService;
import org.parley.ticket.TicketClaims;
import org.parley.ticket.TicketVerification;
import org.parley.ticket.TicketVerifier;

/**
 * Authenticates room WebSocket upgrades with a room ticket carried in the {@code Sec-WebSocket-Protocol} header
 * (never in the URL), after the per-address upgrade limit and the Origin allowlist. Every request that could reach a
 * room endpoint (any WebSocket upgrade, any path under {@code /ws} however spelt) is judged here and nowhere else; only
 * the canonical room path can succeed. Other requests are left to OIDC.
 */
@ApplicationScoped
public class TicketAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The identity attribute holding the holder's {@link SessionService.SessionAccess}, checked at the upgrade. */
    public static final String ACCESS_ATTRIBUTE = "parley.session-access";
    /** The subprotocol a client offers and the server selects. */
    public static final String SUBPROTOCOL = "parley.v1";
    /** The prefix of the subprotocol entry that carries the ticket. */
    public static final String TICKET_PREFIX = "ticket.";
    /** The response header naming why an upgrade was refused. */
    public static final String REFUSAL_HEADER = "X-Parley-Refusal";

    /** The one spelling of a room path that opens a room: lower-case UUID, no trailing slash, nothing encoded. */
    private static final Pattern ROOM_PATH = Pattern.compile(
            "^/ws/sessions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
    private static final String REFUSAL_KEY = "parley.refusal";
    /** The upgrade header that carries the subprotocol offer, and in it the ticket. */
    private static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    /** Refusal codes of the upgrade itself (the ticket codes come from {@link TicketVerifier}). */
    static final String TOO_MANY_UPGRADES = "too_many_upgrades";
    static final String ORIGIN_REFUSED = "origin_refused";
    static final String NO_SUCH_ROOM = "no_such_room";
    static final String SHUTTING_DOWN = "shutting_down";
    /** The HTTP status of each refusal that is not a plain 401. */
    private static final Map<String, Integer> STATUS = Map.of(TOO_MANY_UPGRADES, 429, ORIGIN_REFUSED, 403,
            NO_SUCH_ROOM, 404, SHUTTING_DOWN, 503);

    private final TicketVerifier verifier;
    private final RoomAccessConfig config;
    private final SessionService sessions;
    private final AuditLog audit;
    private final UpgradeThrottle throttle;
    private final RefusalLedger ledger;
    private final MeterRegistry metrics;
    private final ServerDrain drain;

    public TicketAuthenticationMechanism(TicketVerifier verifier, RoomAccessConfig config, SessionService sessions,
            AuditLog audit, Clock clock, MeterRegistry metrics, ServerDrain drain) {
        this.drain = drain;
        this.verifier = verifier;
        this.config = config;
        this.sessions = sessions;
        this.audit = audit;
        this.metrics = metrics;
        RoomAccessConfig.Upgrades upgrades = config.upgrades();
        this.throttle = new UpgradeThrottle(upgrades.rate(), upgrades.burst(), upgrades.trackedAddresses(), clock);
        this.ledger = new RefusalLedger(config.refusalAudit().window(), config.refusalAudit().maxEntriesPerWindow(),
                upgrades.trackedAddresses(), clock);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!reachesRooms(context)) {
            return Uni.createFrom().optional(Optional.empty());
        }
        // A stopping server opens no new rooms: the client tries again (another node, or this one once restarted).
        if (drain.draining()) {
            return refuse(context, SHUTTING_DOWN);
        }
        // Counted before anything else, refusals included, so that guessing tickets or origins costs attempts too.
        if (!throttle.allow(address(context))) {
            return refuse(context, TOO_MANY_UPGRADES);
        }
        // The Origin is checked next, so that a cross-site attempt cannot even spend a stolen ticket.
        if (!originAllowed(context.request().getHeader("Origin"))) {
            return refuse(context, ORIGIN_REFUSED);
        }
        // Judged on the raw path, before any decoding or normalisation the router might apply later.
        Matcher room = ROOM_PATH.matcher(context.request().path());
        if (!room.matches() || !room.group(0).equals(context.normalizedPath())) {
            return refuse(context, NO_SUCH_ROOM);
        }
        Optional<String> ticket = ticketFrom(context.request().getHeader(PROTOCOL_HEADER));
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
                    // The upgrade's request and its identity live as long as the connection: neither keeps the
                    // ticket, which is spent once the upgrade is accepted. The handshake still selects the room
                    // protocol from what is left of the client's offer.
                    withoutTickets(context.request().getHeader(PROTOCOL_HEADER))
                            .ifPresent(offer -> context.request().headers().set(PROTOCOL_HEADER, offer));
                    return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(claims.subject()))
                            .addAttribute(ACCESS_ATTRIBUTE, access)
                            .build());
                });
    }

    /**
     * An upgrade may come only from a configured origin. The Host header is never consulted: under DNS rebinding an
     * attacker's page names its own host in both Origin and Host. A missing Origin, {@code null} or any other site is
     * refused.
     */
    boolean originAllowed(String origin) {
        return origin != null && config.allowedOrigins().contains(origin);
    }

    /**
     * Whether a request could end at a room endpoint: any WebSocket upgrade outside Quarkus' own {@code /q/}
     * endpoints, and any path that is {@code /ws} or below it in any spelling (case, doubled slashes,
     * percent-encoding, dot segments). Such requests never fall through to another mechanism, so no variant of the
     * path can be opened with some other credential.
     */
    static boolean reachesRooms(RoutingContext context) {
        if (underRooms(context.request().path()) || underRooms(context.normalizedPath())) {
            return true;
        }
        String upgrade = context.request().getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")
                && !context.normalizedPath().startsWith("/q/");
    }

    static boolean underRooms(String path) {
        if (path == null) {
            return false;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = path;
        }
        String plain = decoded.replace('\\', '/').replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        return plain.equals("/ws") || plain.startsWith("/ws/");
    }

    private static String address(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    /**
     * The client's subprotocol offer without its ticket entries, in the order offered; empty when nothing else was
     * offered (the header is then left as it came, so that the handshake answers exactly as it would have).
     */
    static Optional<String> withoutTickets(String protocols) {
        if (protocols == null) {
            return Optional.empty();
        }
        String rest = Arrays.stream(protocols.split(","))
                .map(String::trim)
                .filter(protocol -> !protocol.isEmpty() && !protocol.startsWith(TICKET_PREFIX))
                .collect(java.util.stream.Collectors.joining(", "));
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
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

    /**
     * Refuses the upgrade. Every refusal is counted in a metric by its code; the audit log gets at most one entry per
     * code and address per window (saying how many refusals it stands for), so anonymous attempts cannot grow it.
     */
    private Uni<SecurityIdentity> refuse(RoutingContext context, String code) {
        context.put(REFUSAL_KEY, code);
        Counter.builder("parley.room.upgrade.refusals").description("refused room WebSocket upgrades")
                .tag("code", code).register(metrics).increment();
        Uni<SecurityIdentity> refusal = Uni.createFrom().failure(new AuthenticationFailedException(code));
        Optional<Long> audited = ledger.refused(code, address(context));
        if (audited.isEmpty()) {
            return refusal;
        }
        // The refusal is audited by its code and count alone: the path's session id is untrusted input, and the
        // address is personal data the audit does not need, so neither is kept.
        return audit.append(new AuditEntry("anonymous", AuditKinds.TICKET_REFUSED, null, null, null, null,
                        "refusals:" + audited.get(), code))
                .onFailure().recoverWithNull()
                .chain(() -> refusal);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String code = context.get(REFUSAL_KEY);
        if (code == null) {
            if (!reachesRooms(context)) {
                return Uni.createFrom().nullItem();
            }
            code = "ticket_missing";
        }
        int status = STATUS.getOrDefault(code, 401);
        return Uni.createFrom().item(new ChallengeData(status, REFUSAL_HEADER, code));
    }

    @Override
    public int getPriority() {
        // Ahead of the OIDC bearer mechanism, so that room upgrades are judged by their ticket alone.
        return DEFAULT_PRIORITY + 100;
    }
}
