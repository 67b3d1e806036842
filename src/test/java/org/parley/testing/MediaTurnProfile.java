package org.parley.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.parley.media.JanusTestResource;

/** The test profile with voice and video from a real Janus and a TURN server configured (coturn's shared secret). */
public class MediaTurnProfile implements QuarkusTestProfile {

    public static final String TURN_SECRET = "turn-test-secret-7Qx2";
    public static final String TURN_URLS = "turn:127.0.0.1:3478?transport=udp,turns:turn.example.org:5349?transport=tcp";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.media.turn.urls", TURN_URLS, "parley.media.turn.secret", TURN_SECRET,
                "parley.media.turn.credential-lifetime", "PT5M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JanusTestResource.class));
    }
}
