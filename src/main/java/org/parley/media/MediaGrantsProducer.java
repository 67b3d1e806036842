package org.parley.media;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.security.SecureRandom;
import org.parley.media.janus.JanusEndpoint;
import org.parley.media.janus.JanusMediaGrants;
import org.parley.media.janus.JanusMediaServer;

/** Chooses where media grants go: a Janus when one is configured (or was started embedded), else nowhere. */
@ApplicationScoped
public class MediaGrantsProducer {

    @Produces
    @ApplicationScoped
    MediaGrants mediaGrants(MediaConfig config, Vertx vertx) {
        if ("false".equalsIgnoreCase(config.enabled().trim()) || config.url().isEmpty()
                || config.adminUrl().isEmpty() || config.apiSecret().isEmpty() || config.adminSecret().isEmpty()) {
            return new NoMediaGrants();
        }
        JanusEndpoint endpoint = new JanusEndpoint(URI.create(config.url().get()), URI.create(config.adminUrl().get()),
                config.apiSecret().get(), config.adminSecret().get(), config.roomAdminKey());
        SecureRandom random = new SecureRandom();
        JanusMediaServer server = new JanusMediaServer(WebClient.create(vertx), endpoint, config.requestTimeout(),
                random, config.recordingsDir(), config.publishersPerRoom());
        return new JanusMediaGrants(server, random);
    }
}
