package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs the server under test with the quick start's settings: the demo identity provider on, Keycloak off.
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "demo";
    }
}
