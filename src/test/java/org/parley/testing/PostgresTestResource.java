package org.parley.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the server under test at the run's embedded PostgreSQL; the database outlives each Quarkus restart.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestDatabase.shared().datasourceSettings();
    }

    @Override
    public void stop() {
        // Shared by every test class of the run; stopped when the JVM exits.
    }
}
