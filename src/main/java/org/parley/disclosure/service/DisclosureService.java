package org.parley.disclosure.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.audit.AuditEntry;
import org.parley.audit.AuditKinds;
import org.parley.audit.service.AuditLog;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.caseload.MediationCase;
import org.parley.caseload.service.CaseService;
import org.parley.disclosure.repository.DisclosureRecords;
import org.parley.disclosure.repository.DisclosureRecords.Acknowledgement;
import org.parley.disclosure.repository.DisclosureRecords.Disclosure;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;

/**
 * The mediator's conflict-of-interest disclosure (UMA §9): recorded before the case's first session, acknowledged
 * by each party before it may attest. The court sees that it was made and acknowledged, and when — not its text.
 */
@ApplicationScoped
public class DisclosureService {

    static final int MAX_TEXT_CHARS = 5_000;

    private final DisclosureRecords records;
    private final CaseService cases;
    private final AuditLog audit;
    private final Clock clock;

    public DisclosureService(DisclosureRecords records, CaseService cases, AuditLog audit, Clock clock) {
        this.records = records;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** One party's acknowledgement, as the mediator and the court see it. */
    public record AcknowledgementView(UUID participant, Instant acknowledgedAt) {
    }

    /**
     * A participant's view: the text (or "none known"), whether the reader acknowledged it; the mediator also sees
     * who acknowledged it.
     */
    public record ParticipantView(boolean disclosed, Integer version, Boolean noneKnown, String text,
                                  Instant disclosedAt, boolean acknowledgedByYou,
                                  List<AcknowledgementView> acknowledgements) {
    }

    /** The court's view: that a disclosure exists, when, and which parties acknowledged it when. Never the text. */
    public record CourtView(boolean disclosed, Instant disclosedAt, List<AcknowledgementView> acknowledgements,
                            boolean allPartiesAcknowledged) {
    }

    /** Records {@code text}, or "none known" when {@code noneKnown} is true; exactly one of the two. */
    public Uni<ParticipantView> record(Caller caller, UUID caseId, Boolean noneKnown, String text) {
        boolean none = Boolean.TRUE.equals(noneKnown);
        boolean hasText = text != null && !text.isBlank();
        if (none == hasText || (hasText && text.length() > MAX_TEXT_CHARS)) {
            return Uni.createFrom().failure(ApiException.invalid(
                    "give either the disclosure text (at most " + MAX_TEXT_CHARS + " characters) or noneKnown: true"));
        }
        return cases.visible(caller, caseId).chain(mediationCase -> cases.membership(caller, caseId))
                .chain(participant -> {
                    if (!participant.role.equals(CaseRole.MEDIATOR.wire())) {
                        return Uni.createFrom().failure(ApiException.forbidden("only the case's mediator discloses"));
                    }
                    return records.recordBeforeStart(caseId, none, hasText ? text.strip() : null, participant.id,
                            clock.instant()).chain(stored -> stored.isEmpty()
                            ? Uni.createFrom().failure(ApiException.conflict("disclosure_locked",
                                    "a session of this case has started: the disclosure can no longer change"))
                            : audit.append(AuditEntry.ok(participant.id.toString(), AuditKinds.DISCLOSURE_RECORDED,
                                    null, caseId, null, null, "v" + stored.get().version()))
                                    .chain(() -> participantView(participant, stored)));
                });
    }

    /** Records the calling party's acknowledgement of exactly the version it read. */
    public Uni<ParticipantView> acknowledge(Caller caller, UUID caseId, Integer version) {
        if (version == null) {
            return Uni.createFrom().failure(ApiException.invalid("version is required"));
        }
        return cases.visible(caller, caseId).chain(mediationCase -> cases.membership(caller, caseId))
                .chain(participant -> {
                    if (!participant.role.equals(CaseRole.PARTY.wire())) {
                        return Uni.createFrom().failure(ApiException.forbidden("only a party acknowledges"));
                    }
                    return records.current(caseId).chain(current -> {
                        if (current.isEmpty()) {
                            return Uni.createFrom().failure(ApiException.conflict("disclosure_missing",
                                    "the mediator has not recorded a disclosure yet"));
                        }
                        if (current.get().version() != version) {
                            return Uni.createFrom().failure(ApiException.conflict("disclosure_version_mismatch",
                                    "the disclosure is at version " + current.get().version()));
                        }
                        return records.acknowledge(caseId, participant.id, version, clock.instant())
                                .call(() -> audit.append(AuditEntry.ok(participant.id.toString(),
                                        AuditKinds.DISCLOSURE_ACKNOWLEDGED, null, caseId, null, null, "v" + version)))
                                .chain(() -> participantView(participant, current));
                    });
                });
    }

    /** The participant's view of the case's disclosure. */
    public Uni<ParticipantView> forParticipant(Caller caller, UUID caseId) {
        return cases.visible(caller, caseId).chain(mediationCase -> cases.membership(caller, caseId))
                .chain(participant -> records.current(caseId).chain(current -> participantView(participant, current)));
    }

    /** The court-admin's view of the case's disclosure; refused to anyone else. */
    public Uni<CourtView> forCourt(Caller caller, UUID caseId) {
        return cases.visible(caller, caseId).chain(mediationCase -> {
            if (!isCourtAdminOf(caller, mediationCase)) {
                return Uni.createFrom().failure(ApiException.forbidden("the court view is the court-admin's"));
            }
            return records.current(caseId).chain(current -> {
                if (current.isEmpty()) {
                    return Uni.createFrom().item(new CourtView(false, null, List.of(), false));
                }
                return partyAcknowledgements(caseId, current.get()).chain(acks -> cases.participants(caseId)
                        .map(everyone -> new CourtView(true, current.get().disclosedAt(), acks,
                                partiesOf(everyone).stream().allMatch(id -> acks.stream()
                                        .anyMatch(ack -> ack.participant().equals(id))))));
            });
        });
    }

    public static boolean isCourtAdminOf(Caller caller, MediationCase mediationCase) {
        return caller.hasRole(Roles.COURT_ADMIN) && mediationCase.courtId.equals(caller.court());
    }

    /**
     * Whether a party still owes an acknowledgement before attesting: while the mediator has disclosed and the party
     * has not acknowledged that version, and while nothing is disclosed yet (cases opened before disclosures existed
     * excepted, so they are not locked out of their next sessions).
     */
    public Uni<Boolean> acknowledgementOwed(CaseParticipant participant) {
        if (!participant.role.equals(CaseRole.PARTY.wire())) {
            return Uni.createFrom().item(false);
        }
        return records.current(participant.caseId).chain(current -> {
            if (current.isEmpty()) {
                return records.required(participant.caseId);
            }
            return records.acknowledgements(participant.caseId, current.get().version())
                    .map(acks -> acks.stream().noneMatch(ack -> ack.participantId().equals(participant.id)));
        });
    }

    private Uni<ParticipantView> participantView(CaseParticipant reader, Optional<Disclosure> current) {
        if (current.isEmpty()) {
            return Uni.createFrom().item(new ParticipantView(false, null, null, null, null, false, null));
        }
        Disclosure disclosure = current.get();
        return partyAcknowledgements(reader.caseId, disclosure).map(acks -> new ParticipantView(true,
                disclosure.version(), disclosure.noneKnown(), disclosure.body().orElse(null),
                disclosure.disclosedAt(), acks.stream().anyMatch(ack -> ack.participant().equals(reader.id)),
                reader.role.equals(CaseRole.MEDIATOR.wire()) ? acks : null));
    }

    private Uni<List<AcknowledgementView>> partyAcknowledgements(UUID caseId, Disclosure disclosure) {
        return records.acknowledgements(caseId, disclosure.version()).map(acks -> acks.stream()
                .map(DisclosureService::view).toList());
    }

    private static AcknowledgementView view(Acknowledgement ack) {
        return new AcknowledgementView(ack.participantId(), ack.at());
    }

    private static Set<UUID> partiesOf(List<CaseParticipant> participants) {
        return participants.stream().filter(p -> p.role.equals(CaseRole.PARTY.wire())).map(p -> p.id)
                .collect(Collectors.toSet());
    }
}
