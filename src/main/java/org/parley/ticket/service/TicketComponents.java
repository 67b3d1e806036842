package org.parley.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.parley.ticket.InMemoryReplayGuard;
import org.parley.ticket.TicketIssuer;
import org.parley.ticket.TicketKeys;
import org.parley.ticket.TicketSettings;
import org.parley.ticket.TicketVerifier;

/**
 * Builds the ticket issuer and verifier from configuration; both share one key and one replay memory.
 */
@ApplicationScoped
public class TicketComponents {

    private static final Logger LOG = Logger.getLogger(TicketComponents.class);

    private final TicketKeys keys;
    private final TicketSettings settings;

    public TicketComponents(TicketConfig config) {
        this.settings = new TicketSettings(config.issuer(), config.audience(), config.lifetime(), config.clockSkew());
        this.keys = config.signingKey().filter(key -> !key.isBlank()).map(TicketKeys::fromJwk).orElseGet(() -> {
            // Production refuses to start without a key (StartupPreflight); elsewhere a per-start key is enough.
            LOG.info("no parley.ticket.signing-key configured: room tickets are signed with a key generated at start");
            return TicketKeys.generate("generated-" + System.currentTimeMillis());
        });
    }

    public TicketSettings settings() {
        return settings;
    }

    @Produces
    @ApplicationScoped
    TicketIssuer issuer(Clock clock) {
        return new TicketIssuer(keys, settings, clock, TicketIssuer.randomJtis());
    }

    @Produces
    @ApplicationScoped
    TicketVerifier verifier(Clock clock) {
        return new TicketVerifier(keys, settings, clock, new InMemoryReplayGuard(clock));
    }
}
