package org.parley.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the server under test at the run's real Keycloak, started once per test run.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.shared();
        return Map.of(
                "parley.oidc.auth-server-url", keycloak.authServerUrl(),
                "parley.keycloak.url", keycloak.baseUrl(),
                "parley.keycloak.client-secret", keycloak.serverClientSecret());
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
