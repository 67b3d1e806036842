package org.parley.room.service;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The test profile that replays at most three items to an entrant, so a test reaches the cap in a few messages. */
public class ShortHistoryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.session.history-replay-cap", "3");
    }
}
