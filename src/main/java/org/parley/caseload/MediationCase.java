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

    /** {@code release_required} or {@code open_caucus} (see {@code CaucusPolicy}); fixed once a session started. */
    @Column(name = "caucus_policy", nullable = false)
    public String caucusPolicy = "release_required";
}
