package org.parley.outcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The outcome the mediator recorded for one session: held, ended, settlement; it has no free-text field by design.
 */
@Entity
@Table(name = "session_outcome")
public class SessionOutcome {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(nullable = false)
    public boolean held;

    @Column(nullable = false)
    public boolean ended;

    /** The wire value of a {@link Settlement}. */
    @Column(nullable = false)
    public String settlement;

    /** The subject of the mediator who recorded it; kept for accountability, never reported. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
