package org.parley.media.setup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.parley.media.MediaConfig;
import org.parley.media.MediaGrants;
import org.parley.media.MediaRelay;
import org.parley.media.MediaSignals;
import org.parley.media.NoMediaGrants;
import org.parley.media.RelayedMediaGrants;
import org.parley.media.janus.JanusEndpoint;
import org.parley.media.janus.JanusMediaGrants;
import org.parley.media.janus.JanusMediaServer;
import org.parley.media.relay.JanusRelay;
import org.parley.media.turn.IceServers;
import org.parley.media.turn.TurnSettings;

/**
 * Chooses where media grants go and who relays their signaling: a Janus when one is configured (or was started
 * embedded), else nowhere.
 */
@ApplicationScoped
public class MediaGrantsProducer {

    @Produces
    @ApplicationScoped
    MediaRelay mediaRelay(MediaConfig config, Vertx vertx, MediaSignals signals, Clock clock) {
        return endpoint(config).<MediaRelay>map(endpoint -> new JanusRelay(vertx, endpoint, config.requestTimeout(),
                new SecureRandom(), signals, iceServers(config, clock, new SecureRandom()))).orElse(MediaRelay.NONE);
    }

    /** Fresh TURN credentials with every grant when TURN is configured; a bad TURN setting refuses start-up. */
    static IceServers iceServers(MediaConfig config, Clock clock, SecureRandom random) {
        MediaConfig.Turn turn = config.turn();
        Map<String, Optional<String>> settings = Map.of(TurnSettings.URLS, turn.urls(), TurnSettings.SECRET,
                turn.secret(), TurnSettings.LIFETIME, turn.credentialLifetime());
        return TurnSettings.from(name -> settings.getOrDefault(name, Optional.empty()))
                .<IceServers>map(found -> found.credentials(clock, random))
                .orElse(IceServers.NONE);
    }

    @Produces
    @ApplicationScoped
    MediaGrants mediaGrants(MediaConfig config, Vertx vertx, MediaRelay relay, MeterRegistry metrics) {
        return endpoint(config).<MediaGrants>map(endpoint -> {
            SecureRandom random = new SecureRandom();
            JanusMediaServer server = new JanusMediaServer(WebClient.create(vertx), endpoint,
                    config.requestTimeout(), random, config.recordingsDir(), config.publishersPerRoom());
            // Cut times are what a move waits for before anyone is told of it: worth watching in production.
            Timer cuts = Timer.builder("parley.media.cut")
                    .description("Time from the start of a media cut until Janus and the relay confirmed it")
                    .publishPercentiles(0.5, 0.99).register(metrics);
            return new RelayedMediaGrants(new JanusMediaGrants(server, random), relay, cuts::record);
        }).orElseGet(NoMediaGrants::new);
    }

    /** The Janus to use, when media is on and one is configured (or was started embedded). */
    private static Optional<JanusEndpoint> endpoint(MediaConfig config) {
        if ("false".equalsIgnoreCase(config.enabled().trim()) || config.url().isEmpty()
                || config.adminUrl().isEmpty() || config.apiSecret().isEmpty() || config.adminSecret().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JanusEndpoint(URI.create(config.url().get()), URI.create(config.adminUrl().get()),
                config.apiSecret().get(), config.adminSecret().get(), config.roomAdminKey()));
    }
}
