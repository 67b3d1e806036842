package org.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the real entry point in its own JVM, the way an operator does, and reads what it prints.
 */
class StartupRefusalProcessTest {

    private static final Map<String, String> COMPLETE_PRODUCTION = Map.of(
            "parley.db.username", "parley",
            "parley.db.password", "not-used",
            "parley.oidc.auth-server-url", "http://127.0.0.1:1/realms/parley",
            "parley.keycloak.client-secret", "not-used",
            "parley.ticket.signing-key", "not-used");

    record Outcome(int exitCode, String output) {
    }

    private static Outcome start(Map<String, String> properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("org.parley.ParleyMain");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The child must see only what the test gives it, not a developer's PARLEY_* environment.
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("QUARKUS_"));
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the refused start-up must end by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new Outcome(process.exitValue(), output);
    }

    private static void assertOneLineRefusal(Outcome outcome, String expectedLine) {
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertEquals(expectedLine, outcome.output());
        assertFalse(outcome.output().contains("Exception\n"), "no stack trace");
    }

    @Test
    void productionProfileRefusesToStartWithTheDemoIdentityProviderEnabled() throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(COMPLETE_PRODUCTION);
        properties.put("parley.db.url", "postgresql://127.0.0.1:1/parley");
        properties.put("parley.demo-identity.enabled", "true");
        assertOneLineRefusal(start(properties), "parley: cannot start: parley.demo-identity.enabled "
                + "(PARLEY_DEMO_IDENTITY_ENABLED) must be false in the production profile");
    }

    @Test
    void productionProfileRefusesToStartWithoutARequiredSecret() throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(COMPLETE_PRODUCTION);
        properties.put("parley.db.url", "postgresql://127.0.0.1:1/parley");
        properties.remove("parley.keycloak.client-secret");
        assertOneLineRefusal(start(properties), "parley: cannot start: parley.keycloak.client-secret "
                + "(PARLEY_KEYCLOAK_CLIENT_SECRET) is required in the production profile");
    }

    @Test
    void anUnreachableDatabaseEndsStartUpWithOneLineNamingTheSetting() throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(COMPLETE_PRODUCTION);
        properties.put("parley.db.url", "postgresql://127.0.0.1:1/parley");
        Outcome outcome = start(properties);
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().startsWith("parley: cannot start: parley.db.url (PARLEY_DB_URL) database at "
                + "127.0.0.1:1 is unreachable"), outcome.output());
        assertEquals(1, outcome.output().lines().count(), outcome.output());
    }

    @Test
    void productionCombinedWithTheDemoProfileRefusesToStart() throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(COMPLETE_PRODUCTION);
        properties.put("parley.db.url", "postgresql://127.0.0.1:1/parley");
        properties.put("quarkus.profile", "prod,demo");
        assertOneLineRefusal(start(properties), "parley: cannot start: quarkus.profile (QUARKUS_PROFILE) "
                + "must not combine the production profile with demo");
    }
}
