package org.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.media.embedded.EmbeddedJanus;

/** The embedded Janus: loopback only, only the modules Parley needs, gone with its files when stopped. */
class EmbeddedJanusTest {

    @Test
    void loadsOnlyVideoRoomAndHttpAndLeavesNothingBehind() throws Exception {
        EmbeddedJanus janus = JanusTestServer.start();
        try {
            JsonObject info = new JsonObject(get(URI.create(janus.endpoint().api() + "/info")));
            assertEquals(Set.of("janus.plugin.videoroom"), info.getJsonObject("plugins").fieldNames());
            assertEquals(Set.of("janus.transport.http"), info.getJsonObject("transports").fieldNames());
            assertTrue(info.getJsonObject("events", new JsonObject()).isEmpty(), "event handlers loaded");
            assertEquals(true, info.getBoolean("api_secret"), "the API needs a secret");
            assertEquals("127.0.0.1", janus.endpoint().api().getHost());
            assertEquals("127.0.0.1", janus.endpoint().admin().getHost());
        } finally {
            janus.close();
        }
        assertFalse(janus.isAlive());
        assertFalse(ProcessHandle.of(janus.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(janus.directory()), "the generated configuration (with its secrets) was left");
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
