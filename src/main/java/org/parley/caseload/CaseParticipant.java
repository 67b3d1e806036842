package org.parley.caseload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person invited to a case with a role (mediator, party, counsel, observer) and, for parties and counsel, a side.
 * The identity subject is linked on the person's first sign-in, by email.
 */
@Entity
@Table(name = "case_participant")
public class CaseParticipant {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    public String subject;

    @Column(nullable = false)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String role;

    public String side;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    public boolean active() {
        return removedAt == null;
    }
}
