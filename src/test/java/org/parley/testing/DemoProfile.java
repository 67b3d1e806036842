package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Runs the server under test with the quick start's settings: the demo identity provider on, Keycloak off. It
 * listens on a free port, and its pages on that port are the origins allowed to open rooms (the allowlist is the
 * only origin rule, as in the demo itself, where it names the configured port).
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "demo";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
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
