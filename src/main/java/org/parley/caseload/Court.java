package org.parley.caseload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A court: the tenant that owns cases. Its id is the {@code court} claim of its users' tokens.
 */
@Entity
@Table(name = "court")
public class Court {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
