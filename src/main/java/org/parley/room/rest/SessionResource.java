package org.parley.room.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.CallerFactory;
import org.parley.livesession.LiveAnswer;
import org.parley.livesession.LiveQuery;
import org.parley.livesession.LiveSessions;
import org.parley.platform.problem.ApiException;
import org.parley.room.MediationSession;
import org.parley.room.PlaceCodec;
import org.parley.room.ReleaseRecord;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.ParticipantStatus;
import org.parley.room.domain.PresenceEntry;
import org.parley.room.domain.SessionId;
import org.parley.room.repository.ReleaseRecordRepository;
import org.parley.room.service.SessionService;

/**
 * REST for what is not live about one session: the mediator's view of it and its release records (metadata only).
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
@Path("/api/sessions/{sessionId}")
public class SessionResource {

    private final SessionService sessions;
    private final LiveSessions live;
    private final ReleaseRecordRepository releases;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public SessionResource(SessionService sessions, LiveSessions live, ReleaseRecordRepository releases,
            CallerFactory callers, SecurityIdentity identity) {
        this.sessions = sessions;
        this.live = live;
        this.releases = releases;
        this.callers = callers;
        this.identity = identity;
    }

    /** A session as its participants see it; {@code scheduledStart} and {@code expectedMinutes} are null unless set. */
    public record SessionView(UUID id, UUID caseId, String status, Instant createdAt, Instant startedAt,
            Instant endedAt, Instant scheduledStart, Integer expectedMinutes) {
        public static SessionView of(MediationSession session) {
            return new SessionView(session.id, session.caseId, session.status, session.createdAt, session.startedAt,
                    session.endedAt, session.scheduledStart, session.expectedMinutes);
        }
    }

    /** Where one participant is, as the mediator sees it. */
    public record PresenceView(String participant, String displayName, String role, String side, String place,
            boolean connected) {
        static PresenceView of(PresenceEntry entry) {
            return new PresenceView(entry.participant().value(), entry.displayName(), entry.role().name().toLowerCase(),
                    entry.side().map(side -> side.name()).orElse(null), PlaceCodec.describe(entry.place()),
                    entry.connected());
        }
    }

    /** The mediator's view of a session: its metadata and, while it is live here, who is where. */
    public record MediatorView(SessionView session, List<PresenceView> presence) {
    }

    /** A release record; the wording itself is never stored, only its SHA-256. */
    public record ReleaseView(String id, String item, String scope, String audience, String status, String proposedBy,
            String releasedBy, String wordingSha256, Instant createdAt, Instant releasedAt, Instant withdrawnAt,
            Instant conveyedAt) {
        static ReleaseView of(ReleaseRecord r) {
            return new ReleaseView(r.id, r.itemId, r.scope, r.audience, r.status, r.proposedBy, r.releasedBy,
                    r.wordingSha256, r.createdAt, r.releasedAt, r.withdrawnAt, r.conveyedAt);
        }
    }

    @GET
    public Uni<MediatorView> get(@PathParam("sessionId") UUID sessionId) {
        return sessions.access(callers.from(identity).subject(), sessionId).chain(access -> {
            if (!access.byMediationTeam()) {
                return Uni.createFrom().item(new MediatorView(SessionView.of(access.session()), List.of()));
            }
            ParticipantId mediator = ParticipantId.of(access.participant().id.toString());
            // Not live (or not known to the session): nobody is anywhere, so the view lists nobody.
            return live.ask(new SessionId(sessionId.toString()), new LiveQuery.PresenceFor(mediator))
                    .map(answer -> new MediatorView(SessionView.of(access.session()),
                            answer instanceof LiveAnswer.Presence presence
                                    ? presence.entries().stream().map(PresenceView::of).toList() : List.of()));
        });
    }

    /** One participant as only the mediator sees them: attestation and consent included. */
    public record ParticipantStatusView(String participant, String role, String side, String place, boolean connected,
            boolean attested, List<String> consentsMissing) {
        static ParticipantStatusView of(ParticipantStatus status) {
            return new ParticipantStatusView(status.participant().value(), status.role().name().toLowerCase(),
                    status.side().map(side -> side.name()).orElse(null), PlaceCodec.describe(status.place()),
                    status.connected(), status.attested(),
                    status.consentsMissing().stream().map(ParticipantId::value).toList());
        }
    }

    /** The mediator's console view: per participant where they are, whether attested, which consents are missing. */
    @GET
    @Path("/participants")
    public Uni<List<ParticipantStatusView>> participants(@PathParam("sessionId") UUID sessionId) {
        return sessions.access(callers.from(identity).subject(), sessionId).chain(access -> {
            if (!access.byMediationTeam()) {
                throw ApiException.forbidden("only the session's mediator sees participants' attestations");
            }
            ParticipantId mediator = ParticipantId.of(access.participant().id.toString());
            return live.ask(new SessionId(sessionId.toString()), new LiveQuery.StatusesFor(mediator))
                    .map(answer -> answer instanceof LiveAnswer.Statuses statuses
                            ? statuses.statuses().stream().map(ParticipantStatusView::of).toList()
                            : List.<ParticipantStatusView>of());
        });
    }

    @GET
    @Path("/releases")
    @WithSession
    public Uni<List<ReleaseView>> releases(@PathParam("sessionId") UUID sessionId) {
        return sessions.access(callers.from(identity).subject(), sessionId).chain(access -> {
            if (!access.byMediationTeam()) {
                return Uni.createFrom().failure(ApiException.forbidden("only the session's mediator sees its releases"));
            }
            return releases.knownToMediator(sessionId).map(found -> found.stream().map(ReleaseView::of).toList());
        });
    }
}
