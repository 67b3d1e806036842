package org.parley.caseload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A mediation case of one court (tenant); its participants and sessions hang off it.
 */
@Entity
@Table(name = "mediation_case")
public class MediationCase {

    /** Accepts sessions and invitations. */
    public static final String OPEN = "open";
    /** Closed: no new sessions or invitations; its personal data is purged after the retention period. */
    public static final String CLOSED = "closed";
    /** Closed and purged: only pseudonymous records remain. */
    public static final String PURGED = "purged";

    @Id
    public UUID id;

    @Column(name = "court_id", nullable = false)
    public String courtId;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "purged_at")
    public Instant purgedAt;

    public boolean open() {
        return OPEN.equals(status);
    }

    /** {@code release_required} or {@code open_caucus} (see {@code CaucusPolicy}); fixed once a session started. */
    @Column(name = "caucus_policy", nullable = false)
    public String caucusPolicy = "release_required";
}
