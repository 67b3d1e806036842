package org.parley.room.ws;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Pings every room connection every {@code parley.room.heartbeat.interval} and closes those that stopped answering,
 * so a client whose network vanished is shown disconnected within the heartbeat timeout instead of never.
 */
@ApplicationScoped
public class RoomHeartbeat {

    private final RoomConnections connections;
    private final Clock clock;

    public RoomHeartbeat(RoomConnections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @Scheduled(every = "${parley.room.heartbeat.interval:PT15S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        connections.heartbeat(clock.instant());
    }
}
