package org.parley.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No package of the server uses, directly or through others, a package that uses it: every dependency points one
 * way, so each package can be read, tested and replaced knowing only what lies below it. Plain JUnit over the
 * sources in {@code src/main/java}.
 */
class PackageCyclesTest {

    static final Path MAIN = Path.of("src/main/java");

    @Test
    void noPackageCycleInTheServer() {
        PackageGraph graph = PackageGraph.of(MAIN, "org.parley");
        // A guard against reading nothing: the server has dozens of packages, and the room uses its domain.
        assertTrue(graph.packages().size() > 40, "packages read: " + graph.packages().size());
        assertTrue(graph.uses("org.parley.room.service").contains("org.parley.room.domain"));
        List<List<PackageGraph.Edge>> cycles = graph.cycles();
        assertTrue(cycles.isEmpty(), "package cycles:" + PackageGraph.describe(cycles));
    }

    @Test
    void aCycleThroughImportsIsFoundAndNamed() {
        PackageGraph graph = PackageGraph.ofTexts(Map.of(
                "a/A.java", "package x.a;\nimport x.b.B;\nclass A { B b; }\n",
                "b/B.java", "package x.b;\nimport x.a.A;\nclass B { A a; }\n",
                "c/C.java", "package x.c;\nimport x.a.A;\nclass C { A a; }\n"), "x");
        List<List<PackageGraph.Edge>> cycles = graph.cycles();
        assertEquals(1, cycles.size());
        String described = PackageGraph.describe(cycles);
        assertTrue(described.contains("cycle between x.a, x.b"), described);
        assertTrue(described.contains("x.a -> x.b  (a/A.java)"), described);
        assertTrue(described.contains("x.b -> x.a  (b/B.java)"), described);
    }

    @Test
    void aFullyQualifiedNameAndAStaticImportCountAsUses() {
        PackageGraph graph = PackageGraph.ofTexts(Map.of(
                "a/A.java", "package x.a;\nclass A { Object b = new x.b.inner.B.Nested(); }\n",
                "b/B.java", "package x.b.inner;\nimport static x.a.A.CONSTANT;\nclass B { }\n"), "x");
        assertEquals(List.of("x.b.inner"), List.copyOf(graph.uses("x.a")));
        assertEquals(List.of("x.a"), List.copyOf(graph.uses("x.b.inner")));
        assertEquals(1, graph.cycles().size());
    }

    @Test
    void namesInCommentsAndStringsAreNoUses() {
        PackageGraph graph = PackageGraph.ofTexts(Map.of(
                "a/A.java", "package x.a;\n/** see {@link x.b.B} */\nclass A {\n  // x.b.B too\n"
                        + "  String s = \"x.b.B\"; char c = '\"'; String t = \"\"\"\n    x.b.B\n    \"\"\";\n}\n",
                "b/B.java", "package x.b;\nimport x.a.A;\nclass B { }\n"), "x");
        assertTrue(graph.uses("x.a").isEmpty(), "uses of x.a: " + graph.uses("x.a"));
        assertTrue(graph.cycles().isEmpty());
    }

    @Test
    void aLongerCycleIsOneGroupWithAllItsEdges() {
        PackageGraph graph = PackageGraph.ofTexts(Map.of(
                "A.java", "package x.a;\nimport x.b.B;\nclass A { }\n",
                "B.java", "package x.b;\nimport x.c.C;\nclass B { }\n",
                "C.java", "package x.c;\nimport x.a.A;\nclass C { }\n",
                "D.java", "package x.d;\nimport x.a.A;\nclass D { }\n"), "x");
        List<List<PackageGraph.Edge>> cycles = graph.cycles();
        assertEquals(1, cycles.size());
        assertEquals(3, cycles.get(0).size());
    }
}
