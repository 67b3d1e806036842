package org.parley.attestation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.parley.attestation.repository.AttestationRecords;
import org.parley.attestation.repository.AttestationRecords.Agreement;
import org.parley.caseload.MediationCase;
import org.parley.caseload.service.CaseService;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.CaucusPolicy;

/**
 * The confidentiality agreement: a versioned court-wide template the court-admin publishes, copied into each case
 * when the case first needs it, and accepted once per case by each participant.
 */
@ApplicationScoped
public class AgreementService {

    /** The text a case gets when its court has not published a template. */
    public static final String DEFAULT_BODY = "Everything said or shown in this mediation is confidential. I will not"
            + " record it in any form (audio, video, screen, transcript or automated note-taking), I will not share it"
            + " with anyone outside the mediation, and I will take part only from a place where nobody else can see"
            + " or hear the session.";
    private static final int MAX_BODY_CHARS = 20_000;

    private final AttestationRecords records;
    private final CaseService cases;
    private final Clock clock;

    public AgreementService(AttestationRecords records, CaseService cases, Clock clock) {
        this.records = records;
        this.cases = cases;
        this.clock = clock;
    }

    public Uni<Agreement> publish(Caller caller, String body) {
        requireCourtAdmin(caller);
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            return Uni.createFrom().failure(ApiException.invalid("the agreement text is required (at most 20000 characters)"));
        }
        return cases.ensureCourt(caller.court()).chain(() -> records.publishTemplate(caller.court(), body, sha256(body),
                clock.instant()));
    }

    public Uni<Optional<Agreement>> template(Caller caller) {
        requireCourtAdmin(caller);
        return records.latestTemplate(caller.court());
    }

    /**
     * The case's agreement, copying the court's latest template (or the default text) on first use, followed by the
     * case's caucus-policy clause; the hash covers both, so an acceptance records the policy it accepted.
     */
    public Uni<Agreement> ofCase(MediationCase mediationCase) {
        CaucusPolicy policy = CaucusPolicy.fromWire(mediationCase.caucusPolicy).orElse(CaucusPolicy.RELEASE_REQUIRED);
        return records.caseAgreement(mediationCase.id).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(existing.get())
                : records.latestTemplate(mediationCase.courtId)
                        .map(template -> template.orElse(new Agreement(0, DEFAULT_BODY, sha256(DEFAULT_BODY))))
                        .chain(template -> records.copyIntoCase(mediationCase.id, template, clock.instant())))
                .map(stored -> {
                    String text = PolicyClause.appendTo(stored.body(), policy);
                    return new Agreement(stored.version(), text, sha256(text));
                });
    }

    /** Records the caller's acceptance of exactly the version they read. */
    public Uni<Agreement> accept(Caller caller, UUID caseId, int version) {
        return cases.visible(caller, caseId)
                .chain(mediationCase -> cases.membership(caller, caseId)
                        .chain(participant -> ofCase(mediationCase).chain(agreement -> {
                            if (agreement.version() != version) {
                                return Uni.createFrom().failure(ApiException.conflict("agreement_version_mismatch",
                                        "the case's agreement is at version " + agreement.version()));
                            }
                            return records.accept(caseId, participant.id, agreement, clock.instant())
                                    .replaceWith(agreement);
                        })));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void requireCourtAdmin(Caller caller) {
        if (!caller.hasRole(Roles.COURT_ADMIN) || caller.court().isBlank()) {
            throw ApiException.forbidden("only a court-admin may manage the court's agreement");
        }
    }
}
