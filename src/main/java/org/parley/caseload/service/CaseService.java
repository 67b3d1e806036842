package org.parley.caseload.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.parley.caseload.CaseParticipant;
import org.parley.caseload.CaseRole;
import org.parley.caseload.Court;
import org.parley.caseload.MediationCase;
import org.parley.caseload.LiveParticipants;
import org.parley.caseload.repository.CaseRepository;
import org.parley.caseload.repository.CourtRepository;
import org.parley.caseload.repository.ParticipantRepository;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.identity.provisioning.AccountProvisioner;
import org.parley.identity.provisioning.ProvisionedAccount;
import org.parley.livesession.LiveCommand;
import org.parley.livesession.LiveSessions;
import org.parley.platform.problem.ApiException;
import org.parley.room.domain.ParticipantId;

/**
 * Creates cases, invites participants and answers who may see which case: a court-admin sees its court's cases,
 * everybody else only the cases they take part in; any other case is "not found".
 */
@ApplicationScoped
public class CaseService {

    private static final Pattern SIDE = Pattern.compile("[A-Za-z0-9-]{1,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,200}@[^@\\s]{1,100}");

    private final CaseRepository cases;
    private final ParticipantRepository participants;
    private final CourtRepository courts;
    private final LiveSessions live;
    private final AccountProvisioner accounts;
    private final CreatedAccounts createdAccounts;
    private final Clock clock;

    public CaseService(CaseRepository cases, ParticipantRepository participants, CourtRepository courts,
            LiveSessions live, AccountProvisioner accounts,
            CreatedAccounts createdAccounts, Clock clock) {
        this.createdAccounts = createdAccounts;
        this.cases = cases;
        this.participants = participants;
        this.courts = courts;
        this.live = live;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What a court-admin sends to open a case; no caucus policy means {@code release_required}. */
    public record NewCase(String reference, String title, String caucusPolicy) {
        public NewCase(String reference, String title) {
            this(reference, title, null);
        }
    }

    /** What a court-admin sends to invite someone to a case. */
    public record Invitation(String email, String displayName, String role, String side) {
    }

    @WithTransaction
    public Uni<MediationCase> create(Caller caller, NewCase request) {
        requireCourtAdmin(caller);
        if (request == null || blank(request.reference()) || blank(request.title())
                || request.reference().length() > 100 || request.title().length() > 200) {
            return Uni.createFrom().failure(ApiException.invalid("reference (≤ 100) and title (≤ 200) are required"));
        }
        String policy = CaucusPolicyService.parse(request.caucusPolicy()).wireName();
        return ensureCourt(caller.court())
                .chain(() -> cases.count("courtId = ?1 and reference = ?2", caller.court(), request.reference()))
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().failure(ApiException.conflict("duplicate_reference",
                                "this court already has a case with that reference"));
                    }
                    MediationCase created = new MediationCase();
                    created.id = UUID.randomUUID();
                    created.courtId = caller.court();
                    created.reference = request.reference();
                    created.title = request.title();
                    created.status = MediationCase.OPEN;
                    created.caucusPolicy = policy;
                    created.createdAt = clock.instant();
                    return cases.persist(created);
                });
    }

    /**
     * Courts come into being with their first case; their id is the court claim of the admin's token. The row is
     * inserted unless it exists, in one statement, so that two first cases of a court created at the same moment do
     * not both try to create it (one of them would fail on the primary key).
     */
    @WithTransaction
    public Uni<Court> ensureCourt(String courtId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO court (id, name, created_at)"
                        + " VALUES (:id, :id, :at) ON CONFLICT (id) DO NOTHING")
                        .setParameter("id", courtId)
                        .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .chain(() -> courts.findById(courtId));
    }

    /**
     * Invites a person and provisions their account (role = the case role, court = the case's court), so that their
     * first sign-in already matches; inviting the same email again returns the existing invitation unchanged. Every
     * check (separation of duties, unique display names) runs before the identity provider is asked, so a refused
     * invitation changes nothing. A new participant is put on the case's live session rosters at once.
     */
    @WithTransaction
    public Uni<CaseParticipant> invite(Caller caller, UUID caseId, Invitation invitation) {
        return administeredCase(caller, caseId).chain(mediationCase -> {
            CaseState.requireOpen(mediationCase);
            CaseRole role = validate(invitation);
            SeparationOfDuties.refuseSelfInvitation(caller, invitation.email());
            String displayName = invitation.displayName().trim();
            return participants.byEmail(caseId, invitation.email()).chain(existing -> {
                if (existing != null && existing.active()) {
                    if (!existing.role.equals(role.wire()) || !Objects.equals(existing.side, side(role, invitation))) {
                        return Uni.createFrom().failure(ApiException.conflict("invitation_conflict",
                                "this email is already invited to the case with another role or side"));
                    }
                    if (existing.subject != null) {
                        return Uni.createFrom().item(existing);
                    }
                    // Invited before its account was provisioned (or while none could be): bind it now.
                    return provision(caller, mediationCase, role, invitation).map(account -> {
                        existing.subject = account.subject();
                        return existing;
                    });
                }
                if (existing != null
                        && (!existing.role.equals(role.wire()) || !Objects.equals(existing.side, side(role, invitation)))) {
                    // A live session keeps everyone it ever knew under the role and side it knew them by; renewing
                    // a removed invitation as someone else would give them the old side's caucus.
                    return Uni.createFrom().failure(ApiException.conflict("invitation_conflict",
                            "this email was invited to the case with another role or side"));
                }
                return participants.allOfCase(caseId)
                        .invoke(everyone -> DisplayNames.requireFree(everyone, displayName,
                                existing == null ? null : existing.id))
                        .invoke(everyone -> CoMediatorSeat.requireFree(everyone, role,
                                existing == null ? null : existing.id))
                        // The account comes first: if the identity provider refuses, no invitation is stored.
                        .chain(() -> provision(caller, mediationCase, role, invitation))
                        .chain(account -> {
                            CaseParticipant participant = existing != null ? existing : new CaseParticipant();
                            if (existing == null) {
                                participant.id = UUID.randomUUID();
                                participant.caseId = caseId;
                                participant.email = invitation.email().toLowerCase();
                            }
                            if (account.provisioned()) {
                                participant.subject = account.subject();
                            }
                            participant.displayName = displayName;
                            participant.role = role.wire();
                            participant.side = side(role, invitation);
                            participant.invitedAt = clock.instant();
                            participant.removedAt = null;
                            return participants.persist(participant);
                        })
                        // Flushed here so that the unique index answers before anyone is told of the newcomer.
                        .call(() -> participants.flush())
                        .onFailure(DisplayNames::isIndexViolation).transform(failure -> DisplayNames.taken())
                        // The case's live sessions put the newcomer on their rosters and announce them now, before
                        // they can get a ticket, let alone enter a room.
                        .call(participant -> live.sendToCase(participant.caseId,
                                new LiveCommand.ParticipantInvited(LiveParticipants.of(participant))));
            });
        });
    }

    private Uni<ProvisionedAccount> provision(Caller caller, MediationCase mediationCase, CaseRole role,
            Invitation invitation) {
        return accounts.provision(invitation.email(), invitation.displayName().trim(), role.wire(),
                        mediationCase.courtId)
                .invoke(account -> SeparationOfDuties.refuseOwnAccount(caller, account))
                .call(account -> account.created() ? createdAccounts.remember(account.subject(), mediationCase.id)
                        : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Void> remove(Caller caller, UUID caseId, UUID participantId) {
        return administeredCase(caller, caseId)
                .chain(() -> participants.findById(participantId))
                .chain(participant -> {
                    if (participant == null || !participant.caseId.equals(caseId) || !participant.active()) {
                        return Uni.createFrom().failure(ApiException.notFound("participant"));
                    }
                    participant.removedAt = clock.instant();
                    return Uni.createFrom().voidItem();
                })
                .call(() -> participants.flush())
                // Their open room connections close at once.
                .call(() -> live.sendToCase(caseId, new LiveCommand.ParticipantRevoked(
                        ParticipantId.of(participantId.toString()))))
                .replaceWithVoid();
    }

    /** Cases the caller may see, linking the caller's pending invitations first. */
    @WithTransaction
    public Uni<List<MediationCase>> visible(Caller caller) {
        if (caller.hasRole(Roles.COURT_ADMIN)) {
            return cases.ofCourt(caller.court());
        }
        return linkInvitations(caller).chain(() -> cases.ofParticipant(caller.subject()));
    }

    /** One case the caller may see, or "not found". */
    @WithTransaction
    public Uni<MediationCase> visible(Caller caller, UUID caseId) {
        return linkInvitations(caller).chain(() -> cases.findById(caseId)).chain(found -> {
            if (found == null) {
                return notFound();
            }
            if (caller.hasRole(Roles.COURT_ADMIN) && found.courtId.equals(caller.court())) {
                return Uni.createFrom().item(found);
            }
            return membership(caller, caseId).replaceWith(found);
        });
    }

    /** The caller's own active participation in a case, or "not found". */
    @WithSession
    public Uni<CaseParticipant> membership(Caller caller, UUID caseId) {
        return membership(caller.subject(), caseId);
    }

    /** The active participation of the person with this verified subject in a case, or "not found". */
    @WithSession
    public Uni<CaseParticipant> membership(String subject, UUID caseId) {
        return participants.find("caseId = ?1 and subject = ?2 and removedAt is null", caseId, subject)
                .firstResult()
                .chain(found -> found == null ? notFound() : Uni.createFrom().item(found));
    }

    @WithSession
    public Uni<List<CaseParticipant>> participants(UUID caseId) {
        return participants.activeOfCase(caseId);
    }

    /** A first sign-in claims the invitations made for the caller's verified email. */
    @WithTransaction
    public Uni<Void> claimInvitations(Caller caller) {
        return linkInvitations(caller);
    }

    private Uni<Void> linkInvitations(Caller caller) {
        // A court-admin never becomes a participant, not even through an invitation made for its email.
        if (!caller.emailVerified() || blank(caller.email()) || SeparationOfDuties.administersACourt(caller)) {
            return Uni.createFrom().voidItem();
        }
        return participants.unlinkedByEmail(caller.email()).invoke(found -> found.forEach(p -> p.subject = caller.subject()))
                .replaceWithVoid();
    }

    private Uni<MediationCase> administeredCase(Caller caller, UUID caseId) {
        requireCourtAdmin(caller);
        return cases.findById(caseId).chain(found -> found == null || !found.courtId.equals(caller.court())
                ? notFound() : Uni.createFrom().item(found));
    }

    private static CaseRole validate(Invitation invitation) {
        if (invitation == null || blank(invitation.email()) || !EMAIL.matcher(invitation.email()).matches()
                || blank(invitation.displayName()) || invitation.displayName().length() > 200) {
            throw ApiException.invalid("email and displayName (≤ 200) are required");
        }
        CaseRole role = CaseRole.fromWire(invitation.role())
                .orElseThrow(() -> ApiException.invalid("role must be mediator, co_mediator, party, counsel or observer"));
        if (role.sided() && (invitation.side() == null || !SIDE.matcher(invitation.side()).matches())) {
            throw ApiException.invalid("parties and counsel need a side (letters, digits, '-', ≤ 20)");
        }
        return role;
    }

    private static String side(CaseRole role, Invitation invitation) {
        return role.sided() ? invitation.side() : null;
    }

    private static void requireCourtAdmin(Caller caller) {
        if (!caller.hasRole(Roles.COURT_ADMIN) || blank(caller.court())) {
            throw ApiException.forbidden("only a court-admin of a court may do this");
        }
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(ApiException.notFound("case"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
