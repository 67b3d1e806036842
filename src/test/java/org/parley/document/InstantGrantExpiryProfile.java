package org.parley.document;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Document grants that expire a millisecond after they are issued, so a test can present an expired one at once. */
public class InstantGrantExpiryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.documents.grant-lifetime", "PT0.001S");
    }
}
