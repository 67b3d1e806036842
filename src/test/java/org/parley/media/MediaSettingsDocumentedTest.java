package org.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.media.turn.TurnSettings;
import org.parley.platform.StartupPreflight;

/**
 * Keeps the operator's files true to the code: config/parley.env.example names every voice, video and TURN setting
 * the server reads ({@link MediaConfig}, walked by reflection as SmallRye maps it), and no setting it does not;
 * docs/configuration.md has a row for each; config/compose.yaml hands Janus and coturn the same secrets as Parley.
 */
class MediaSettingsDocumentedTest {

    private static final Pattern ENV_LINE = Pattern.compile("(?m)^#?(PARLEY_MEDIA_[A-Z0-9_]+)=");

    @Test
    void theEnvironmentExampleNamesExactlyTheMediaSettingsTheCodeReads() throws IOException {
        Set<String> read = settings("parley.media", MediaConfig.class).stream().map(StartupPreflight::environmentName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(read.contains("PARLEY_MEDIA_TURN_SECRET") && read.contains("PARLEY_MEDIA_URL"), read::toString);
        Matcher names = ENV_LINE.matcher(Files.readString(Path.of("config", "parley.env.example")));
        Set<String> example = new TreeSet<>();
        while (names.find()) {
            example.add(names.group(1));
        }
        assertEquals(read, example, "config/parley.env.example and MediaConfig disagree");
    }

    @Test
    void theTurnSettingsTheCheckReadsAreTheOnesTheConfigMaps() {
        Set<String> mapped = settings("parley.media", MediaConfig.class);
        for (String name : new String[] {TurnSettings.URLS, TurnSettings.SECRET, TurnSettings.LIFETIME}) {
            assertTrue(mapped.contains(name), name + " is not mapped by MediaConfig: " + mapped);
        }
    }

    @Test
    void theConfigurationTableHasARowForEachMediaSetting() throws IOException {
        String table = Files.readString(Path.of("docs", "configuration.md"));
        for (String name : settings("parley.media", MediaConfig.class)) {
            assertTrue(table.contains("| `" + name + "` | `" + StartupPreflight.environmentName(name) + "` |"),
                    "docs/configuration.md has no row for " + name);
        }
    }

    @Test
    void composeGivesJanusAndCoturnTheSecretsParleyGets() throws IOException {
        String compose = Files.readString(Path.of("config", "compose.yaml"));
        for (String line : new String[] {"JANUS_API_SECRET: ${PARLEY_MEDIA_API_SECRET}",
                "JANUS_ADMIN_SECRET: ${PARLEY_MEDIA_ADMIN_SECRET}", "JANUS_ROOM_ADMIN_KEY: ${PARLEY_MEDIA_ROOM_ADMIN_KEY}",
                "--static-auth-secret=${PARLEY_MEDIA_TURN_SECRET}", "--use-auth-secret"}) {
            assertTrue(compose.contains(line), "config/compose.yaml lacks: " + line);
        }
    }

    /** The property names SmallRye maps for a @ConfigMapping interface: camelCase to kebab-case, nested groups. */
    private static Set<String> settings(String prefix, Class<?> mapping) {
        Set<String> names = new TreeSet<>();
        for (Method method : mapping.getDeclaredMethods()) {
            if (method.isDefault() || method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == mapping) {
                names.addAll(settings(name, type));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return Arrays.stream(camel.split("(?=[A-Z])")).map(String::toLowerCase).collect(Collectors.joining("-"));
    }
}
