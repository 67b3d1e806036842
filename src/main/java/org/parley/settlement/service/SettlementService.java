package org.parley.settlement.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.livesession.LiveAnswer;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveDecision;
import org.parley.livesession.LiveQuery;
import org.parley.livesession.LiveSessions;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SettlementDraft;
import org.parley.room.service.SessionService;
import org.parley.settlement.FreshAuthentication;
import org.parley.settlement.SettlementConfig;
import org.parley.settlement.SignedAgreement;
import org.parley.settlement.pdf.AgreementPdf;
import org.parley.settlement.repository.SettlementRecords;
import org.parley.settlement.repository.SettlementRecords.StoredAgreement;

/**
 * Signing the settlement agreement and handing out its PDF. Who may sign what is the live session's rule; this
 * service adds the identity check (a fresh authentication) that only the request's token can show, and decides who
 * receives the PDF: its signers, and the court only when every party chose to file it.
 */
@ApplicationScoped
public class SettlementService {

    public static final String REAUTHENTICATION_REQUIRED = "reauthentication_required";
    public static final String NOT_SIGNED = "settlement_not_signed";
    public static final String NOT_FILED = "settlement_not_filed";

    private final LiveSessions live;
    private final SessionService sessions;
    private final SettlementRecords records;
    private final FreshAuthentication freshness;
    private final AgreementPdf pdf = new AgreementPdf();
    private final boolean issuedAtCounts;

    public SettlementService(LiveSessions live, SessionService sessions, SettlementRecords records,
            SettlementConfig config, Clock clock) {
        this.live = live;
        this.sessions = sessions;
        this.records = records;
        this.freshness = new FreshAuthentication(clock, config.reauthenticationWindow());
        this.issuedAtCounts = config.issuedAtCountsAsAuthentication();
    }

    /** When the token's holder last authenticated, from its claims; empty when the token does not say. */
    public Optional<Instant> authenticatedAt(Object authTimeClaim, Object issuedAtClaim) {
        Optional<Instant> authTime = FreshAuthentication.authTime(authTimeClaim);
        return authTime.isPresent() || !issuedAtCounts ? authTime : FreshAuthentication.authTime(issuedAtClaim);
    }

    /** What a signer sends: the name typed, the hash of the text shown, and whether to file it with the court. */
    public record Signing(String name, String textSha256, boolean fileWithCourt) {
        @Override
        public String toString() {
            return "Signing[file=" + fileWithCourt + "]";
        }
    }

    /**
     * Signs for the participant if its token shows a fresh authentication; the session records the signature before
     * anyone is told of it, and answers {@code try_again} when it cannot.
     */
    public Uni<SettlementDraft> sign(UUID sessionId, ParticipantId signer, Optional<Instant> authTime,
            Signing signing) {
        if (!freshness.isFresh(authTime)) {
            return Uni.createFrom().failure(new ApiException(403, REAUTHENTICATION_REQUIRED,
                    "sign in again (enter your password) just before you sign"));
        }
        SessionId session = new SessionId(sessionId.toString());
        return completedBefore(sessionId).chain(completed -> completed
                ? Uni.createFrom().failure(refusal(ErrorCode.SETTLEMENT_COMPLETE,
                        "this session's agreement has been signed by every party"))
                : live.send(session, new LiveCommand.SignSettlement(signer, signing.name(), signing.textSha256(),
                        signing.fileWithCourt())))
                .chain(decision -> {
                    if (decision instanceof LiveDecision.Refused refused) {
                        return Uni.createFrom().failure(refusal(refused.code(), refused.detail()));
                    }
                    if (decision instanceof LiveDecision.NotLive) {
                        return Uni.createFrom().failure(notLive());
                    }
                    return draftOf(session).map(draft -> draft.orElseThrow(SettlementService::notLive));
                });
    }

    /**
     * Whether the session's record holds an agreement every party signed. The live session forgets it across a
     * restart (its text is content) while the record does not, and a session has one agreement: without this, a
     * second draft's first signature would fail on the record and answer {@code try_again} for ever.
     */
    private Uni<Boolean> completedBefore(UUID sessionId) {
        return records.find(sessionId).map(stored -> stored.filter(agreement -> agreement.completedAt() != null)
                .isPresent());
    }

    /** The live session's agreement, or empty when no server holds the session live. */
    private Uni<Optional<SettlementDraft>> draftOf(SessionId session) {
        return live.ask(session, new LiveQuery.Settlement()).map(answer -> answer instanceof LiveAnswer.Settlement found
                ? Optional.of(found.draft()) : Optional.empty());
    }

    /**
     * The stored record (hash and signatures): for the case's participants (not found before anyone signed), and
     * for the court only once it is filed: empty otherwise, which to the court is the usual case, not an error.
     */
    public Uni<Optional<StoredAgreement>> record(Caller caller, UUID sessionId) {
        if (caller.hasRole(Roles.COURT_ADMIN)) {
            return filedForCourtIfAny(caller, sessionId);
        }
        return sessions.access(caller.subject(), sessionId).chain(access -> records.find(sessionId))
                .map(found -> Optional.of(found.orElseThrow(() -> ApiException.notFound("settlement agreement"))));
    }

    /**
     * The PDF of the complete agreement. A signer receives it while the session is live (the text is in memory) or,
     * afterwards, when it was filed; the court-admin of the case's court only when it was filed.
     */
    public Uni<byte[]> pdf(Caller caller, UUID sessionId) {
        if (caller.hasRole(Roles.COURT_ADMIN)) {
            return filedForCourt(caller, sessionId).chain(stored -> render(stored, stored.filedText().orElseThrow()));
        }
        return sessions.access(caller.subject(), sessionId).chain(access -> {
            ParticipantId participant = ParticipantId.of(access.participant().id.toString());
            return draftOf(new SessionId(sessionId.toString())).chain(held -> records.find(sessionId).chain(found -> {
                StoredAgreement stored = found.filter(agreement -> agreement.completedAt() != null)
                        .orElseThrow(() -> new ApiException(409, NOT_SIGNED, "not every party has signed yet"));
                if (stored.signatures().stream().noneMatch(s -> s.participant().equals(access.participant().id))) {
                    throw ApiException.forbidden("the signed agreement is given to those who signed it");
                }
                // The text is the live session's, and only if it is the text the record's hash covers.
                Optional<String> text = held.filter(draft -> draft.complete()
                        && draft.textSha256().equals(stored.textSha256())
                        && draft.signatureOf(participant).isPresent()).map(SettlementDraft::text)
                        .or(stored::filedText);
                return render(stored, text.orElseThrow(() -> new ApiException(409,
                        ErrorCode.SESSION_ENDED.wireCode(),
                        "the agreement's text was held only during the session and was not filed with the court")));
            }));
        });
    }

    private Uni<StoredAgreement> filedForCourt(Caller caller, UUID sessionId) {
        return filedForCourtIfAny(caller, sessionId).map(filed -> filed.orElseThrow(() -> new ApiException(404,
                NOT_FILED, "no settlement agreement of this session was filed with the court")));
    }

    /** The filed agreement of a session of the caller's court; another court's session is not found. */
    private Uni<Optional<StoredAgreement>> filedForCourtIfAny(Caller caller, UUID sessionId) {
        return sessions.findById(sessionId).chain(sessions::caseOf).chain(mediationCase -> {
            if (mediationCase == null || !mediationCase.courtId.equals(caller.court())) {
                return Uni.createFrom().failure(ApiException.notFound("session"));
            }
            // Whether an agreement exists that was not filed is not the court's to know: both answer alike.
            return records.find(sessionId).map(found -> found.filter(StoredAgreement::filed)
                    .filter(agreement -> agreement.filedText().isPresent()));
        });
    }

    /** Renders on a worker thread: PDF layout is blocking work that must not fall on the event loop. */
    private Uni<byte[]> render(StoredAgreement stored, String text) {
        SignedAgreement agreement = new SignedAgreement(text, stored.textSha256(), stored.completedAt(),
                stored.filed(), stored.signatures().stream().map(signature -> new SignedAgreement.Signer(
                        signature.name(), signature.role(), signature.signedAt(), signature.fileWithCourt())).toList());
        return Uni.createFrom().item(() -> pdf.render(agreement)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static ApiException notLive() {
        return new ApiException(409, ErrorCode.SESSION_ENDED.wireCode(), "the session is not live on this server");
    }

    /** The session's refusal as a REST problem with the same stable code. */
    static ApiException refusal(ErrorCode code, String detail) {
        int status = switch (code) {
            case NOT_IN_ROOM, FORBIDDEN, NO_SUCH_PARTICIPANT -> 403;
            case INVALID_REQUEST, NAME_MISMATCH -> 400;
            case TRY_AGAIN -> 503;
            default -> 409;
        };
        return new ApiException(status, code.wireCode(), detail);
    }
}
