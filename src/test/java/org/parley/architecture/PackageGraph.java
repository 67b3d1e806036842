package org.parley.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Java package of the project refers to which, read from the sources: imports, static imports and fully
 * qualified names in code all count, comments and string literals do not. A reference is resolved to the longest
 * package of the project it starts with, so {@code org.parley.room.service.SessionRuntime.SessionRef} counts as a
 * use of {@code org.parley.room.service}.
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b[a-z_][\\w]*(?:\\.[A-Za-z_][\\w]*)+");

    /** One source file: where it is, its package and its code without comments and literals. */
    record Source(String path, String pkg, String code) {
    }

    /** One use of a package by another, with the files that make it. */
    record Edge(String from, String to, Set<String> files) {
    }

    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
    private final Set<String> packages = new TreeSet<>();
    private final List<Source> sources;

    private PackageGraph(List<Source> sources, String rootPackage) {
        this.sources = sources;
        sources.forEach(source -> packages.add(source.pkg()));
        for (Source source : sources) {
            Matcher matcher = QUALIFIED.matcher(source.code());
            while (matcher.find()) {
                String reference = matcher.group();
                if (!reference.startsWith(rootPackage + ".")) {
                    continue;
                }
                String target = packageOf(reference);
                if (target != null && !target.equals(source.pkg())) {
                    edges.computeIfAbsent(source.pkg(), p -> new TreeMap<>())
                            .computeIfAbsent(target, p -> new TreeSet<>()).add(source.path());
                }
            }
        }
    }

    /** The graph of every {@code .java} file under {@code root} whose package starts with {@code rootPackage}. */
    static PackageGraph of(Path root, String rootPackage) {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(parse(root.relativize(file).toString(), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackageGraph(sources, rootPackage);
    }

    /** The graph of sources given as text, keyed by a name that failures quote. */
    static PackageGraph ofTexts(Map<String, String> texts, String rootPackage) {
        List<Source> sources = new ArrayList<>();
        texts.forEach((path, text) -> sources.add(parse(path, text)));
        return new PackageGraph(sources, rootPackage);
    }

    static Source parse(String path, String text) {
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find()) {
            throw new IllegalArgumentException(path + " declares no package");
        }
        String code = withoutCommentsAndLiterals(text);
        // The package declaration names the file's own package, not a use of it.
        code = PACKAGE.matcher(code).replaceFirst("");
        return new Source(path, pkg.group(1), code);
    }

    /** Comments, strings, text blocks and character literals blanked out, so that names in them count for nothing. */
    static String withoutCommentsAndLiterals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
                out.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? text.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j + 1, text.length());
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String packageOf(String reference) {
        String candidate = reference;
        while (candidate.contains(".")) {
            if (packages.contains(candidate)) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('.'));
        }
        return null;
    }

    Set<String> packages() {
        return packages;
    }

    List<Source> sources() {
        return sources;
    }

    /** The packages {@code from} uses directly. */
    Set<String> uses(String from) {
        return edges.getOrDefault(from, Map.of()).keySet();
    }

    /**
     * Every group of packages that reach each other (strongly connected, more than one package), smallest name
     * first, each with the edges inside it.
     */
    List<List<Edge>> cycles() {
        List<List<Edge>> cycles = new ArrayList<>();
        for (Set<String> component : components()) {
            List<Edge> inside = new ArrayList<>();
            for (String from : component) {
                edges.getOrDefault(from, Map.of()).forEach((to, files) -> {
                    if (component.contains(to)) {
                        inside.add(new Edge(from, to, files));
                    }
                });
            }
            cycles.add(inside);
        }
        cycles.sort(Comparator.comparing(cycle -> cycle.get(0).from()));
        return cycles;
    }

    /** Tarjan's strongly connected components, iteratively, keeping those of two or more packages. */
    private List<Set<String>> components() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String start : packages) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            visit(start, index, low, stack, onStack, counter, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> frame = work.peek();
                String node = frame.getKey();
                List<String> pending = frame.getValue();
                if (!pending.isEmpty()) {
                    String next = pending.remove(0);
                    if (!index.containsKey(next)) {
                        visit(next, index, low, stack, onStack, counter, work);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        found.add(component);
                    }
                }
            }
        }
        return found;
    }

    private void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, int[] counter, Deque<Map.Entry<String, List<String>>> work) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, new ArrayList<>(uses(node))));
    }

    /** A readable account of the cycles, naming each edge and the files that make it. */
    static String describe(List<List<Edge>> cycles) {
        StringBuilder text = new StringBuilder();
        for (List<Edge> cycle : cycles) {
            Set<String> members = new TreeSet<>();
            cycle.forEach(edge -> members.add(edge.from()));
            text.append("\ncycle between ").append(String.join(", ", members)).append(':');
            Map<String, Set<String>> byEdge = new LinkedHashMap<>();
            cycle.forEach(edge -> byEdge.put(edge.from() + " -> " + edge.to(), edge.files()));
            byEdge.forEach((edge, files) -> text.append("\n  ").append(edge).append("  (").append(String.join(", ", files))
                    .append(')'));
        }
        return text.toString();
    }
}
