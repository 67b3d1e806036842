package org.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestTicketKey;

/**
 * Starts the packaged server ({@code target/quarkus-app}) the way an operator does, in a working folder that holds
 * configuration files, and proves that settings the preflight cannot see still keep the demo identity provider out
 * of production. Runs after {@code package} (failsafe, {@code ./mvnw verify}).
 */
class PackagedStartupRefusalIT {

    private static Map<String, String> production;

    record Outcome(int exitCode, String output) {
    }

    @BeforeAll
    static void productionSettings() {
        // A real, reachable database: the preflight must pass, so that the refusal can only come from the running
        // application reading the resolved configuration.
        production = new HashMap<>(TestDatabase.shared().datasourceSettings());
        production.put("parley.oidc.auth-server-url", "http://127.0.0.1:1/realms/parley");
        production.put("parley.keycloak.client-secret", "not-used");
        production.put("parley.ticket.signing-key", TestTicketKey.PRIVATE_JWK);
        // No Keycloak here; the refusal must not depend on reaching one.
        production.put("parley.oidc.enabled", "false");
    }

    private static Outcome start(Path workingDirectory) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("parley.packaged.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the server first: " + jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        production.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-Dquarkus.http.port=0");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        // The child must see only what the test gives it, not a developer's PARLEY_* environment.
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.startsWith("QUARKUS_")
                || name.startsWith("_PROD_"));
        Process process = builder.start();
        // Read while it runs: a full pipe would stall the server, and a server that started must still show why.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        });
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
            process.destroyForcibly();
            throw new AssertionError("the server started instead of refusing: " + output.join());
        }
        return new Outcome(process.exitValue(), output.join());
    }

    private static void assertRefusedWith(Outcome outcome, String expectedLine) {
        assertEquals(2, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().lines().anyMatch(expectedLine::equals), outcome.output());
        assertTrue(outcome.output().lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: "
                + outcome.output());
    }

    @Test
    void aConfigFileEnablingTheDemoIdentityProviderInProductionRefusesToStart(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("config"));
        // config/application.properties outranks the packaged file, %prod entry included.
        Files.writeString(folder.resolve("config/application.properties"),
                "%prod.parley.demo-identity.enabled=true\n");
        assertRefusedWith(start(folder), "parley: cannot start: parley.demo-identity.enabled "
                + "(PARLEY_DEMO_IDENTITY_ENABLED) must be false in the production profile");
    }

    @Test
    void aDotEnvFileCombiningProductionWithDemoRefusesToStart(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(".env"), "QUARKUS_PROFILE=prod,demo\n");
        assertRefusedWith(start(folder), "parley: cannot start: quarkus.profile (QUARKUS_PROFILE) "
                + "must not combine the production profile with demo");
    }

    @Test
    void aDotEnvFileEnablingTheDemoIdentityProviderForProductionRefusesToStart(@TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve(".env"), "_PROD_PARLEY_DEMO_IDENTITY_ENABLED=true\n");
        assertRefusedWith(start(folder), "parley: cannot start: parley.demo-identity.enabled "
                + "(PARLEY_DEMO_IDENTITY_ENABLED) must be false in the production profile");
    }
}
