package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the server under test with the quick start's settings: the demo identity provider on, Keycloak off, on a
 * free port whose pages are the origins allowed to open rooms (see {@link OwnPortOrigins}).
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "demo";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return OwnPortOrigins.overrides();
    }
}
