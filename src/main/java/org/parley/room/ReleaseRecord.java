package org.parley.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The metadata of one release: which item, which scope and audience, who proposed and released it, when it was
 * withdrawn or conveyed, and a SHA-256 of the wording — never the wording itself.
 */
@Entity
@Table(name = "release_record")
public class ReleaseRecord {

    @Id
    public String id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(nullable = false)
    public String scope;

    @Column(nullable = false)
    public String audience;

    @Column(nullable = false)
    public String status;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "released_by")
    public String releasedBy;

    @Column(name = "wording_sha256", nullable = false)
    public String wordingSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "conveyed_at")
    public Instant conveyedAt;

    @Column(name = "conveyed_by")
    public String conveyedBy;
}
