package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.parley.media.JanusTestResource;

/**
 * The default test profile (real Keycloak, so that any number of people can take part) with voice and video from a
 * real Janus, on a free port whose pages may open rooms: for browser measurements.
 */
public class MediaKeycloakBrowserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return OwnPortOrigins.overrides();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JanusTestResource.class));
    }
}
