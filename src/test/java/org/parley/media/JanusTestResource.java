package org.parley.media;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.parley.media.embedded.EmbeddedJanus;

/** A real Janus for the server under test: started before it, its endpoint and secrets given to it as settings. */
public class JanusTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedJanus current;
    private EmbeddedJanus janus;

    /** The process id of the running test Janus, for a browser test that kills it mid-session; -1 when none. */
    public static long pid() {
        EmbeddedJanus running = current;
        return running == null ? -1 : running.pid();
    }

    @Override
    public Map<String, String> start() {
        if (!JanusTestServer.available()) {
            return Map.of("parley.media.enabled", "false");
        }
        try {
            janus = JanusTestServer.start("janus-e2e", 10_000).restartWhenItDies();
            current = janus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>();
        janus.settings().forEach(setting -> settings.put(setting[0], setting[1]));
        return settings;
    }

    @Override
    public void stop() {
        if (janus != null) {
            janus.close();
        }
    }
}
