package org.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the Dockerfile, which no test can build here (there is no Docker engine), and checks the facts that decide
 * whether it can build: the stage that packages the server must not need node or npm, and the client it packages
 * must come from a stage that has them and runs the pom's own npm commands.
 */
class DockerfileTest {

    private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
    private static final Pattern NODE_IMAGE = Pattern.compile("^node:(\\d+)(?:[.-].*)?$");
    private static final Pattern ENGINES = Pattern.compile("\"node\"\\s*:\\s*\">=\\s*(\\d+)");

    record Stage(String image, String name, List<String> instructions) {

        boolean runs(String text) {
            return instructions.stream().anyMatch(line -> line.startsWith("RUN ") && line.contains(text));
        }

        Optional<String> copyFrom(String source) {
            return instructions.stream()
                    .filter(line -> line.startsWith("COPY --from=") && line.contains(" " + source))
                    .map(line -> line.substring("COPY --from=".length()).split("\\s+")[0])
                    .findFirst();
        }
    }

    private static List<Stage> stages;

    @BeforeAll
    static void parse() throws IOException {
        stages = new ArrayList<>();
        String joined = Files.readString(Path.of("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
        for (String raw : joined.lines().toList()) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher from = FROM.matcher(line);
            if (from.matches()) {
                stages.add(new Stage(from.group(1), from.group(2), new ArrayList<>()));
            } else {
                stages.get(stages.size() - 1).instructions().add(line);
            }
        }
    }

    private static Stage stage(String name) {
        return stages.stream().filter(stage -> name.equals(stage.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name + " in " + stages));
    }

    private static Stage packagingStage() {
        List<Stage> packaging = stages.stream().filter(stage -> stage.runs("mvnw") && stage.runs(" package")).toList();
        assertEquals(1, packaging.size(), "exactly one stage packages the server: " + packaging);
        return packaging.get(0);
    }

    @Test
    void theStageThatPackagesTheServerNeedsNoNode() {
        Stage build = packagingStage();
        boolean hasNode = build.image().startsWith("node:") || build.runs("nodejs") || build.runs("npm");
        // Without -Dskip.web=true, `package` runs `npm ci` and `npm run build` (exec-maven-plugin, profile web-client).
        assertTrue(hasNode || build.instructions().stream()
                .filter(line -> line.startsWith("RUN ") && line.contains(" package"))
                .allMatch(line -> line.contains("-Dskip.web=true")),
                "the packaging stage has no node, so it must package with -Dskip.web=true: " + build);
    }

    @Test
    void thePackagedClientIsBuiltInANodeStageWithThePomsNpmCommands() throws IOException {
        Stage build = packagingStage();
        String from = build.copyFrom("/build/web-client/dist").orElseThrow(() -> new AssertionError(
                "the packaging stage must copy web-client/dist from the stage that built it: " + build));
        Stage web = stage(from);
        Matcher node = NODE_IMAGE.matcher(web.image());
        assertTrue(node.matches(), "the client is built on a node image: " + web.image());
        assertTrue(web.runs("npm ci"), "npm ci, as the pom runs it: " + web);
        assertTrue(web.runs("npm run build"), "npm run build, as the pom runs it: " + web);
        assertTrue(build.instructions().stream().anyMatch(line -> line.matches(
                "COPY --from=" + from + " /build/web-client/dist web-client/dist")),
                "the built client lands where the pom's resource expects it (web-client/dist): " + build);

        Matcher engines = ENGINES.matcher(Files.readString(Path.of("web-client/package.json")));
        assertTrue(engines.find(), "web-client/package.json declares engines.node");
        assertTrue(Integer.parseInt(node.group(1)) >= Integer.parseInt(engines.group(1)),
                "node image " + web.image() + " satisfies engines.node >= " + engines.group(1));
    }

    @Test
    void theRuntimeImageRunsThePackagedServerAsItsOwnUser() {
        Stage runtime = stages.get(stages.size() - 1);
        assertTrue(runtime.image().startsWith("eclipse-temurin:17-jre"), runtime.image());
        assertEquals(Optional.of(packagingStage().name()), runtime.instructions().stream()
                .filter(line -> line.startsWith("COPY --from=") && line.contains("/build/target/quarkus-app/"))
                .map(line -> line.substring("COPY --from=".length()).split("\\s+")[0]).findFirst());
        assertTrue(runtime.instructions().contains("USER parley"), runtime.toString());
    }
}
