package org.parley.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live session has one way in from outside the room: the {@code org.parley.livesession} port. Nothing outside
 * {@code org.parley.room} names the in-memory registry or a session's runtime, so that a router to the node that
 * holds a session can replace the local implementation without touching its callers. Plain JUnit over the sources.
 */
class LiveSessionAccessTest {

    private static final Pattern LIVE_INTERNALS = Pattern.compile(
            "\\borg\\.parley\\.room\\.service\\.(LiveSessionRegistry|SessionRuntime|LocalLiveSessions|\\*)");
    private static final String ROOM = "org.parley.room";

    @Test
    void nothingOutsideTheRoomNamesTheRegistryOrARuntime() {
        PackageGraph graph = PackageGraph.of(PackageCyclesTest.MAIN, "org.parley");
        List<String> offenders = offenders(graph);
        assertTrue(offenders.isEmpty(), "reaches the live session around its port: " + offenders);
        // The callers this rule is about exist and use the port.
        for (String caller : List.of("org.parley.attestation.service", "org.parley.document.service",
                "org.parley.caseload.service", "org.parley.lifecycle.service")) {
            assertTrue(graph.uses(caller).contains("org.parley.livesession"), caller + " uses the port");
        }
    }

    @Test
    void thePortDependsOnTheDomainAlone() {
        PackageGraph graph = PackageGraph.of(PackageCyclesTest.MAIN, "org.parley");
        assertEquals(List.of("org.parley.room.domain"), List.copyOf(graph.uses("org.parley.livesession")));
    }

    @Test
    void aUseOfTheRegistryOutsideTheRoomIsCaught() {
        PackageGraph graph = PackageGraph.ofTexts(Map.of(
                "Fine.java", "package org.parley.room.ws;\nimport org.parley.room.service.SessionRuntime;\nclass Fine { }\n",
                "Bad.java", "package org.parley.consent;\nclass Bad { org.parley.room.service.LiveSessionRegistry r; }\n",
                "Wild.java", "package org.parley.other;\nimport org.parley.room.service.*;\nclass Wild { }\n"),
                "org.parley");
        assertEquals(List.of("Bad.java", "Wild.java"), offenders(graph));
    }

    private static List<String> offenders(PackageGraph graph) {
        return graph.sources().stream()
                .filter(source -> !source.pkg().equals(ROOM) && !source.pkg().startsWith(ROOM + "."))
                .filter(source -> LIVE_INTERNALS.matcher(source.code()).find())
                .map(PackageGraph.Source::path).sorted().toList();
    }
}
