package org.parley.ticket.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Who may open room connections: which browser origins, how often one address may try, and how refusals are kept.
 */
@ConfigMapping(prefix = "parley.websocket")
public interface RoomAccessConfig {

    /**
     * Exact origins (scheme://host[:port]) allowed to open a room WebSocket; anything else is refused. This list is
     * the only rule: the request's own Host header is never trusted (DNS rebinding).
     */
    @WithDefault("http://localhost:8080,http://127.0.0.1:8080")
    List<String> allowedOrigins();

    /** The per-address limit on upgrade attempts (successful or not). */
    Upgrades upgrades();

    /** How refused upgrades reach the audit log. */
    RefusalAudit refusalAudit();

    interface Upgrades {
        /** Upgrade attempts per second one address may make on average. */
        @WithDefault("2")
        double rate();

        /** Upgrade attempts one address may make at once. */
        @WithDefault("30")
        int burst();

        /** Addresses remembered at most; past this, idle ones are forgotten first. */
        @WithDefault("10000")
        int trackedAddresses();
    }

    interface RefusalAudit {
        /** One audit entry per refusal code and address per window; the entry counts the refusals it stands for. */
        @WithDefault("PT1M")
        Duration window();

        /** Audit entries for refused upgrades per window over all addresses; further refusals are only counted. */
        @WithDefault("100")
        int maxEntriesPerWindow();
    }
}
