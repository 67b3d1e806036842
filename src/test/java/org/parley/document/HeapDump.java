package org.parley.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A heap dump of this very JVM (the Quarkus test server runs in it), taken with {@code jcmd <pid> GC.heap_dump},
 * which runs a full GC first and writes only objects still reachable; and a scan of its bytes for a marker.
 */
final class HeapDump {

    private HeapDump() {
    }

    static Path take(String label) throws IOException, InterruptedException {
        Path file = Files.createTempFile("parley-" + label + "-", ".hprof");
        Files.delete(file);
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()),
                "GC.heap_dump", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(file)) {
            throw new IllegalStateException("jcmd GC.heap_dump failed: " + output);
        }
        return file;
    }

    /** Whether the file holds the marker anywhere, scanning in chunks that overlap by the marker's length. */
    static boolean contains(Path file, byte[] marker) throws IOException {
        byte[] buffer = new byte[8 * 1024 * 1024];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int filled = kept + read;
                if (indexOf(buffer, filled, marker) >= 0) {
                    return true;
                }
                kept = Math.min(marker.length - 1, filled);
                System.arraycopy(buffer, filled - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void wipe(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
    }
}
