package org.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's quick-start command is one line that installs Janus first when run as root without it (so that a
 * fresh Debian or Ubuntu machine gets voice and video), never stops the server from starting when that cannot be
 * done, and is valid shell.
 */
class QuickStartCommandTest {

    private static final String GUARD_START = "{ command -v janus >/dev/null || [ \"$(id -u)\" -ne 0 ] || ";
    private static final String START = "./mvnw -B -DskipTests package && java -Dquarkus.profile=demo -jar"
            + " target/quarkus-app/quarkus-run.jar";

    @Test
    void theQuickStartIsOneLineThatInstallsJanusOnlyWhenRootAndMissing() throws IOException {
        String command = quickStart();
        assertEquals(1, command.lines().count(), "one command line: " + command);
        assertTrue(command.startsWith(GUARD_START), "begins with the Janus guard: " + command);
        assertTrue(command.contains("apt-get install -y janus"), command);
        // Joined with ';', not '&&': a failed installation leaves a text-only server, never no server.
        assertTrue(command.endsWith("; }; }; " + START), "the server starts whatever the guard did: " + command);
    }

    @Test
    void theCommandIsValidShellAndItsGuardDoesNothingWhereJanusIsInstalled() throws Exception {
        String command = quickStart();
        assertEquals(0, bash("-n", "-c", command), "bash -n accepts the quick-start line");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/janus")),
                "quick-start guard check SKIPPED: janus is not installed here");
        String guard = command.substring(0, command.length() - START.length());
        // With janus installed the guard's first test succeeds: no apt-get runs, and it answers success.
        assertEquals(0, bash("-c", guard + " true"), "the guard with janus installed");
    }

    private static String quickStart() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Quick start");
        int open = readme.indexOf("```bash\n", section);
        int close = readme.indexOf("\n```", open + 8);
        assertTrue(section >= 0 && open > section && close > open, "README has a Quick start bash block");
        return readme.substring(open + "```bash\n".length(), close).strip();
    }

    private static int bash(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = "bash";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bash finished");
        return process.exitValue();
    }
}
