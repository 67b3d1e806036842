package org.parley.room.ws;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.parley.identity.provisioning.AccountProvisioner;

/**
 * Closes the room connections of accounts that were disabled in the identity provider since they connected.
 * Runs every {@code parley.revocation.check-interval} (30 s by default), which bounds how long a disabled account
 * stays in a room. Each pass is timed ({@code parley.accounts.sweep} in {@code /q/metrics}): it asks the identity
 * provider about every connected subject in turn, so its duration grows with the number connected.
 */
@ApplicationScoped
public class DisabledAccountSweep {

    private static final Logger LOG = Logger.getLogger(DisabledAccountSweep.class);

    private final RoomConnections connections;
    private final AccountProvisioner accounts;
    private final MeterRegistry metrics;
    private final Timer passes;

    public DisabledAccountSweep(RoomConnections connections, AccountProvisioner accounts, MeterRegistry metrics) {
        this.connections = connections;
        this.accounts = accounts;
        this.metrics = metrics;
        this.passes = Timer.builder("parley.accounts.sweep")
                .description("Duration of one pass that checks every connected subject's account state")
                .register(metrics);
    }

    @Scheduled(every = "${parley.revocation.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeDisabled() {
        Timer.Sample pass = Timer.start(metrics);
        return Multi.createFrom().iterable(connections.connectedSubjects())
                .onItem().transformToUniAndConcatenate(subject -> accounts.isEnabled(subject)
                        .invoke(enabled -> {
                            if (!enabled) {
                                connections.closeSubject(subject, RoomConnections.ACCESS_REVOKED);
                            }
                        })
                        .onFailure().invoke(failure -> LOG.warnf("could not check an account's state: %s",
                                failure.getClass().getSimpleName()))
                        .onFailure().recoverWithItem(true))
                .collect().last().replaceWithVoid()
                .onTermination().invoke(() -> pass.stop(passes));
    }
}
