package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The real-Keycloak browser profile for signing the settlement agreement: a short reauthentication window, so that a
 * browser scenario can let a sign-in go stale, and only a token's {@code auth_time} counts (as in production), so
 * that a signature taken proves Keycloak's access token carries it.
 */
public class SettlementKeycloakBrowserProfile implements QuarkusTestProfile {

    /** The reauthentication window, which the scenario is told so that it knows when a sign-in is stale. */
    public static final long REAUTHENTICATION_WINDOW_MILLIS = 30_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(OwnPortOrigins.overrides());
        overrides.put("parley.settlement.reauthentication-window", "PT" + REAUTHENTICATION_WINDOW_MILLIS / 1000 + "S");
        overrides.put("parley.settlement.issued-at-counts-as-authentication", "false");
        return overrides;
    }
}
