package org.parley.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the live heap grew by between two class histograms ({@code jcmd GC.class_histogram}), per class, divided by
 * the connections opened in between: the attribution of a connection's memory to the classes that hold it.
 *
 * <p>Usage: {@code HistogramDiff <before.txt> <after.txt> <connections> [top]}; prints the classes that grew most,
 * with bytes and instances per connection.
 */
public final class HistogramDiff {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private record Row(long instances, long bytes) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Row> before = read(Path.of(args[0]));
        Map<String, Row> after = read(Path.of(args[1]));
        double connections = Double.parseDouble(args[2]);
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        long total = 0;
        Map<String, long[]> growth = new HashMap<>();
        for (Map.Entry<String, Row> entry : after.entrySet()) {
            Row was = before.getOrDefault(entry.getKey(), new Row(0, 0));
            long bytes = entry.getValue().bytes() - was.bytes();
            growth.put(entry.getKey(), new long[] {entry.getValue().instances() - was.instances(), bytes});
            total += bytes;
        }
        for (Map.Entry<String, Row> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                growth.put(entry.getKey(), new long[] {-entry.getValue().instances(), -entry.getValue().bytes()});
                total -= entry.getValue().bytes();
            }
        }
        System.out.printf("%,.0f bytes per connection in all (%,d classes)%n", total / connections, growth.size());
        System.out.printf("%12s %12s  %s%n", "bytes/conn", "objects/conn", "class");
        growth.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                .forEach(e -> System.out.printf("%,12.0f %12.2f  %s%n", e.getValue()[1] / connections,
                        e.getValue()[0] / connections, e.getKey()));
    }

    private static Map<String, Row> read(Path file) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.merge(row.group(3), new Row(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new Row(a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
        }
        return rows;
    }
}
