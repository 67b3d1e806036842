package org.parley.room.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.parley.livesession.LiveAnswer;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveDecision;
import org.parley.livesession.LiveQuery;
import org.parley.livesession.LiveSessions;
import org.parley.room.domain.Decision;
import org.parley.room.domain.DocumentAccess;
import org.parley.room.domain.EndReason;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.Fact;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.SessionId;

/**
 * The live-session port over this server's memory: each command becomes one {@link SessionRuntime#submit}, so it
 * is decided in turn with the room's own frames (write before delivery included), and each query one read under
 * the session's lock. A single node holds every session; a routing implementation would send each call here on the
 * node that owns the session.
 */
@ApplicationScoped
public class LocalLiveSessions implements LiveSessions {

    private static final Logger LOG = Logger.getLogger(LocalLiveSessions.class);

    private final LiveSessionRegistry registry;
    private final Deliveries deliveries;

    public LocalLiveSessions(LiveSessionRegistry registry, Deliveries deliveries) {
        this.registry = registry;
        this.deliveries = deliveries;
    }

    @Override
    public Uni<LiveDecision> send(SessionId session, LiveCommand command) {
        Optional<UUID> id = uuidOf(session);
        if (command instanceof LiveCommand.EndForCaseClosure) {
            // Remembered as ended whether or not it is held, so that a load racing the closing is refused.
            id.ifPresent(registry::endedWithCase);
        }
        Optional<SessionRuntime> held = id.flatMap(registry::find);
        if (held.isEmpty()) {
            return Uni.createFrom().item(new LiveDecision.NotLive(session));
        }
        SessionRuntime runtime = held.get();
        return answered(decide(runtime, command).handle((decision, failure) -> {
            if (failure != null) {
                // The runtime undid the command; its type is logged there. Nothing changed, so it may be sent again.
                return new LiveDecision.Refused(ErrorCode.TRY_AGAIN, "the command failed; nothing changed");
            }
            return decision;
        }));
    }

    private CompletionStage<LiveDecision> decide(SessionRuntime runtime, LiveCommand command) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete, and the last branch says so.
        if (command instanceof LiveCommand.AttestationGiven given) {
            if (!runtime.read(live -> live.isOnRoster(given.participant().id()))) {
                runtime.submit(live -> live.addToRoster(given.participant()));
            }
            return submitted(runtime.submit(live -> live.markAttested(given.participant().id())));
        }
        if (command instanceof LiveCommand.ConsentChanged changed) {
            return submitted(runtime.submit(live -> live.setConsent(changed.party(), changed.thirdParty(),
                    changed.consented())));
        }
        if (command instanceof LiveCommand.ParticipantInvited invited) {
            return submitted(runtime.submit(live -> live.addToRoster(invited.participant())));
        }
        if (command instanceof LiveCommand.ParticipantRevoked revoked) {
            deliveries.accessRevoked(idOf(runtime), revoked.participant());
            return CompletableFuture.completedFuture(new LiveDecision.Accepted(List.of()));
        }
        if (command instanceof LiveCommand.ShareDocument share) {
            return submitted(runtime.submit(live -> live.shareDocument(share.author(), share.seen(), share.document(),
                    share.caption())));
        }
        if (command instanceof LiveCommand.EndForCaseClosure) {
            return submitted(runtime.submit(live -> live.expire(EndReason.CASE_CLOSED)));
        }
        if (command instanceof LiveCommand.SignSettlement sign) {
            return submitted(runtime.submit(live -> live.signSettlement(sign.signer(), sign.name(), sign.textSha256(),
                    sign.fileWithCourt())));
        }
        throw new IllegalArgumentException("no such command: " + command.getClass().getSimpleName());
    }

    @Override
    public Uni<LiveAnswer> ask(SessionId session, LiveQuery query) {
        Optional<SessionRuntime> held = uuidOf(session).flatMap(registry::find);
        if (held.isEmpty()) {
            return Uni.createFrom().item(new LiveAnswer.NotLive(session));
        }
        LiveAnswer answer = held.get().read(live -> answer(live, query));
        return Uni.createFrom().item(answer);
    }

    private static LiveAnswer answer(LiveSession live, LiveQuery query) {
        if (query instanceof LiveQuery.Phase) {
            return new LiveAnswer.PhaseIs(live.phase());
        }
        if (query instanceof LiveQuery.ShareAllowed share) {
            return live.shareRefusal(share.author(), share.seen())
                    .<LiveAnswer>map(refused -> new LiveAnswer.Refused(refused.code(), refused.detail()))
                    .orElseGet(LiveAnswer.Allowed::new);
        }
        if (query instanceof LiveQuery.DocumentAccess access) {
            DocumentAccess answer = live.documentAccess(access.viewer(), access.item());
            if (answer instanceof DocumentAccess.Refused refused) {
                return new LiveAnswer.Refused(refused.code(), refused.detail());
            }
            return new LiveAnswer.Document(((DocumentAccess.Allowed) answer).document());
        }
        if (query instanceof LiveQuery.PresenceFor presence) {
            return live.presenceFor(presence.viewer()).<LiveAnswer>map(LiveAnswer.Presence::new)
                    .orElseGet(() -> new LiveAnswer.Refused(ErrorCode.NO_SUCH_PARTICIPANT,
                            "not on the roster: " + presence.viewer().value()));
        }
        if (query instanceof LiveQuery.StatusesFor statuses) {
            return live.statusForMediator(statuses.mediator()).<LiveAnswer>map(LiveAnswer.Statuses::new)
                    .orElseGet(() -> new LiveAnswer.Refused(ErrorCode.FORBIDDEN,
                            "only the session's mediator sees the statuses"));
        }
        if (query instanceof LiveQuery.Settlement) {
            return new LiveAnswer.Settlement(live.settlement());
        }
        throw new IllegalArgumentException("no such query: " + query.getClass().getSimpleName());
    }

    @Override
    public Uni<List<SessionId>> heldForCase(UUID caseId) {
        return Uni.createFrom().item(registry.ofCase(caseId).stream().map(LocalLiveSessions::idOf).toList());
    }

    private static CompletionStage<LiveDecision> submitted(CompletableFuture<Decision> decided) {
        return decided.thenApply(LocalLiveSessions::valueOf);
    }

    /** The decision as a value: what was posted, or the refusal; the frames it sent stay here. */
    static LiveDecision valueOf(Decision decision) {
        if (decision instanceof Decision.Refused refused) {
            return new LiveDecision.Refused(refused.code(), refused.detail());
        }
        return new LiveDecision.Accepted(((Decision.Accepted) decision).facts().stream()
                .filter(Fact.ItemPosted.class::isInstance).map(fact -> ((Fact.ItemPosted) fact).itemId()).toList());
    }

    private static SessionId idOf(SessionRuntime runtime) {
        return new SessionId(runtime.ref().sessionId().toString());
    }

    /**
     * The answer, on the caller's own Vert.x context when it has one: a decision held for its record completes on
     * the journal's context, and the caller's pipeline (a database session, a request) must go on where it began.
     */
    private static <T> Uni<T> answered(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone()) {
            return Uni.createFrom().completionStage(future);
        }
        Context caller = Vertx.currentContext();
        Uni<T> answer = Uni.createFrom().completionStage(future);
        return caller == null ? answer : answer.emitOn(command -> caller.runOnContext(ignored -> command.run()));
    }

    private static Optional<UUID> uuidOf(SessionId session) {
        try {
            return Optional.of(UUID.fromString(session.value()));
        } catch (IllegalArgumentException e) {
            LOG.debugf("not a session id: %d characters", session.value().length());
            return Optional.empty();
        }
    }
}
