package org.parley.caseload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An identity-provider account that Parley created for an invitation to a case (not one it merely linked), so that
 * the retention purge knows which accounts exist only because of that case.
 */
@Entity
@Table(name = "provisioned_account")
public class CreatedAccount {

    @Id
    public String subject;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
