package org.parley.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import org.parley.document.DocumentConfig;
import org.parley.document.grant.DocumentGrants;
import org.parley.document.store.DocumentLimits;
import org.parley.document.store.DocumentVault;

/** Makes the plain document vault and grant book the server's single instances, from configuration. */
@ApplicationScoped
public class DocumentBeans {

    @Produces
    @Singleton
    DocumentVault vault(DocumentConfig config) {
        return new DocumentVault(new DocumentLimits(config.maxBytes(), config.sessionMaxBytes(),
                config.serverMaxBytes()), new SecureRandom());
    }

    @Produces
    @Singleton
    DocumentGrants grants(DocumentConfig config, Clock clock) {
        return new DocumentGrants(clock, new SecureRandom(), config.grantLifetime(), config.maxOutstandingGrants());
    }
}
