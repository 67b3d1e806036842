package org.parley.ticket.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The test profile with small frame-rate and upgrade limits, so that tests can reach them in a few frames. */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "parley.room.frames.rate", "0.001",
                "parley.room.frames.burst", "10",
                "parley.room.frames.refusals-before-close", "5",
                "parley.websocket.upgrades.rate", "0.001",
                "parley.websocket.upgrades.burst", "20");
    }
}
