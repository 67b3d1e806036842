package org.parley.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One mediation session of a case, as metadata: when it was created, started and ended. What was said lives only
 * in the live session in memory.
 */
@Entity
@Table(name = "mediation_session")
public class MediationSession {

    public static final String SCHEDULED = "scheduled";
    public static final String LIVE = "live";
    public static final String ENDED = "ended";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** When the mediator plans to start it; null when no time was set. Set together with {@link #expectedMinutes}. */
    @Column(name = "scheduled_start")
    public Instant scheduledStart;

    /** How long the mediator expects it to take, in minutes; null when no time was set. */
    @Column(name = "expected_minutes")
    public Integer expectedMinutes;
}
