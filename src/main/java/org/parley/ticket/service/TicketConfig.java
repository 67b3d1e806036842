package org.parley.ticket.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of room tickets.
 */
@ConfigMapping(prefix = "parley.ticket")
public interface TicketConfig {

    /** The private EC P-256 JWK (with kid) that signs tickets; required in production, generated per start otherwise. */
    Optional<String> signingKey();

    @WithDefault("parley")
    String issuer();

    @WithDefault("parley-rooms")
    String audience();

    /** How long a ticket may wait before it is used; at most 60 s. */
    @WithDefault("PT30S")
    Duration lifetime();

    @WithDefault("PT5S")
    Duration clockSkew();
}
