package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Settings for a server under test that a real browser opens: a free port, and that port's pages as the origins
 * allowed to open rooms. The allowlist is the only origin rule, so a browser test needs its own port on it.
 */
public final class OwnPortOrigins {

    private OwnPortOrigins() {
    }

    public static Map<String, String> overrides() {
        int port = freePort();
        return Map.of(
                "quarkus.http.test-port", Integer.toString(port),
                "parley.websocket.allowed-origins", "http://localhost:" + port + ",http://127.0.0.1:" + port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
