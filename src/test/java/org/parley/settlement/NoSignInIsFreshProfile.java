package org.parley.settlement;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A reauthentication window of nothing: every token's sign-in lies in the past (its time has whole seconds, the
 * server's clock finer ones), so every signature meets a stale sign-in.
 */
public class NoSignInIsFreshProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.settlement.reauthentication-window", "PT0S");
    }
}
