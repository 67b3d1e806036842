package org.parley.room.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.UUID;
import org.parley.room.service.LiveSessionRegistry;

/**
 * Disconnects dropped connections' participants from their live session, off the delivery path that dropped them.
 */
@ApplicationScoped
public class DroppedConnections {

    private final LiveSessionRegistry registry;

    public DroppedConnections(LiveSessionRegistry registry) {
        this.registry = registry;
    }

    void onDropped(@ObservesAsync ConnectionDropped dropped) {
        // The participant keeps their place, exactly as after any lost connection, and may reconnect.
        registry.find(UUID.fromString(dropped.session().value()))
                .ifPresent(runtime -> runtime.submit(session -> session.disconnect(dropped.participant())));
    }
}
