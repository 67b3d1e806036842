package org.parley.room.ws;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.parley.identity.provisioning.AccountProvisioner;

/**
 * Closes the room connections of accounts that were disabled in the identity provider since they connected.
 * Runs every {@code parley.revocation.check-interval} (30 s by default), which bounds how long a disabled account
 * stays in a room.
 */
@ApplicationScoped
public class DisabledAccountSweep {

    private static final Logger LOG = Logger.getLogger(DisabledAccountSweep.class);

    private final RoomConnections connections;
    private final AccountProvisioner accounts;

    public DisabledAccountSweep(RoomConnections connections, AccountProvisioner accounts) {
        this.connections = connections;
        this.accounts = accounts;
    }

    @Scheduled(every = "${parley.revocation.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeDisabled() {
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
                .collect().last().replaceWithVoid();
    }
}
