package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The default test profile (real Keycloak) on a free port whose pages may open rooms, for real browsers. */
public class KeycloakBrowserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return OwnPortOrigins.overrides();
    }
}
