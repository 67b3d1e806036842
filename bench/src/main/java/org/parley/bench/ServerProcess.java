package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server under test in its own process, pinned to one CPU, with what the benchmark reads from outside it: CPU
 * time of the process and its children (Parley's embedded PostgreSQL), heap after a full GC, and resident memory.
 */
public final class ServerProcess implements AutoCloseable {

    /** Linux reports CPU time in clock ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} on CPU {@code cpu} (through {@code taskset}), its output going to {@code log}. */
    public static ServerProcess start(int cpu, List<String> command, Path log) throws IOException {
        return start(cpu, command, log, null, environment -> { });
    }

    /** As {@link #start(int, List, Path)}, in {@code directory} (null: this one) with its environment adjusted. */
    public static ServerProcess start(int cpu, List<String> command, Path log, Path directory,
            Consumer<Map<String, String>> environment) throws IOException {
        List<String> pinned = new ArrayList<>(List.of("taskset", "-c", Integer.toString(cpu)));
        pinned.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(pinned).redirectErrorStream(true).redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        environment.accept(builder.environment());
        return new ServerProcess(builder.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until the log shows {@code line}, or fails with the log's tail. */
    public void awaitLog(String line, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not show '" + line + "'; see " + log);
    }

    /** CPU time used so far by the server and every process it started. */
    public long cpuNanos() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> ticks(handle.pid()))
                .sum() * NANOS_PER_TICK;
    }

    /** CPU time of the server JVM's JIT compiler threads ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}). */
    public long jitCompilerNanos() {
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + pid() + "/task"))) {
            return threads.filter(ServerProcess::isCompilerThread)
                    .mapToLong(ServerProcess::ticks)
                    .sum() * NANOS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static boolean isCompilerThread(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm"));
            return name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler");
        } catch (IOException gone) {
            return false;
        }
    }

    private static long ticks(long pid) {
        return ticks(Path.of("/proc/" + pid));
    }

    /** User and system clock ticks of a process or thread ({@code /proc/<pid>} or {@code /proc/<pid>/task/<tid>}). */
    private static long ticks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * Bytes of live objects right after a full GC: the total of the class histogram ({@code jcmd
     * GC.class_histogram}, which collects first). The collector's own "used" figure ({@code GC.heap_info}) counts
     * whole regions and moved by several megabytes between identical runs; the histogram sums the objects.
     */
    public long heapAfterGc() throws IOException, InterruptedException {
        return liveBytes(jcmd("GC.class_histogram"));
    }

    static long liveBytes(String histogram) {
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("no total in the class histogram");
        }
        return Long.parseLong(total.group(1));
    }

    /** Resident memory of the server's JVM alone, in bytes. */
    public long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    /**
     * The live-object class histogram ({@code jcmd GC.class_histogram}, which runs a full GC first), written to
     * {@code file}: comparing two of them attributes what the heap grew by to the classes that hold it.
     */
    public void classHistogram(Path file) throws IOException, InterruptedException {
        Files.writeString(file, jcmd("GC.class_histogram"));
    }

    /** A heap dump of the live objects ({@code jcmd GC.heap_dump}), to see what the histogram's bytes are. */
    public void heapDump(Path file) throws IOException, InterruptedException {
        jcmd("GC.heap_dump " + file);
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return out;
    }

    /**
     * Stops the process and every process it started at the same time (for a launcher script such as Keycloak's
     * {@code kc.sh}, whose Java process does the work).
     */
    public void closeWithDescendants() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        close();
        for (ProcessHandle each : descendants) {
            try {
                each.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                each.destroyForcibly();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
