package org.parley.ticket.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Which browser origins may open room connections.
 */
@ConfigMapping(prefix = "parley.websocket")
public interface RoomAccessConfig {

    /** Exact origins (scheme://host[:port]) allowed to open a room WebSocket; anything else is refused. */
    @WithDefault("http://localhost:8080,http://127.0.0.1:8080")
    List<String> allowedOrigins();
}
