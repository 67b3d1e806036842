package org.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real WebSocket client of a room, as a browser opens it: the ticket in the subprotocol header, an Origin, and
 * every frame received kept for the test to inspect.
 */
public final class RoomClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final Listener listener;
    private final List<JsonNode> seen = new ArrayList<>();
    private final AtomicInteger probes = new AtomicInteger();

    private RoomClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** Opens a room connection; throws a {@link CompletionException} when the server refuses the upgrade. */
    public static RoomClient connect(URI server, String sessionId, String ticket, String origin) {
        return connect(server, sessionId, ticket, origin, null);
    }

    /**
     * Opens a room connection that asks to resume after {@code resumeFrom}, the last sequence number the client
     * read (null: an ordinary connection).
     */
    public static RoomClient connect(URI server, String sessionId, String ticket, String origin, Long resumeFrom) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (ticket != null) {
            builder.subprotocols("parley.v1", "ticket." + ticket);
        } else {
            builder.subprotocols("parley.v1");
        }
        URI uri = URI.create("ws://" + server.getHost() + ":" + server.getPort() + "/ws/sessions/" + sessionId
                + (resumeFrom == null ? "" : "?resume=" + resumeFrom));
        return new RoomClient(builder.buildAsync(uri, listener).orTimeout(10, TimeUnit.SECONDS).join(), listener);
    }

    /** Collects whole text frames and the close code. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final CompletableFuture<String> closeReason = new CompletableFuture<>();
        /** The latest {@code you_are_in} to arrive: what a browser would show, and so where it composes. */
        private volatile JsonNode lastArrival;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    if (frame.path("type").asText().equals("you_are_in")) {
                        lastArrival = frame;
                    }
                    inbox.add(frame);
                } catch (Exception e) {
                    throw new IllegalStateException("the server sent a frame that is not JSON", e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason.complete(reason);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }

    /** Sends a frame built from alternating field names and values. */
    public RoomClient send(String type, Object... fields) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            frame.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return sendRaw(frame.toString());
    }

    /** The mediator goes to a place and waits until this client is shown there, as a browser would be. */
    public RoomClient goTo(String place) {
        send("go_to", "to", place);
        await("you_are_in", frame -> PlaceNames.of(frame.path("place")).equals(place));
        return this;
    }

    /** Sends a message from the place this client was last shown, as the browser's composer does. */
    public RoomClient say(String text, Object... fields) {
        return sendHere("message", prepend(fields, "text", text));
    }

    /** Sends a typing indicator from the place this client was last shown. */
    public RoomClient typing(boolean typing) {
        return sendHere("typing", "typing", typing);
    }

    /** The mediator conveys a release into the place this client was last shown. */
    public RoomClient convey(String release, Object... fields) {
        return sendHere("convey", prepend(fields, "release", release));
    }

    /** The latest {@code you_are_in} received (place and placement), as a browser's composer knows it. */
    public JsonNode lastArrival() {
        JsonNode arrival = listener.lastArrival;
        if (arrival == null) {
            throw new IllegalStateException("no you_are_in has arrived yet, so this client has no place");
        }
        return arrival;
    }

    /** Sends a room-scoped frame naming the place and placement of the latest {@code you_are_in} received. */
    public RoomClient sendHere(String type, Object... fields) {
        JsonNode arrival = listener.lastArrival;
        if (arrival == null) {
            throw new IllegalStateException("no you_are_in has arrived yet, so this client has no place");
        }
        return send(type, prepend(prepend(fields, "placement", arrival.path("placement").asLong()), "place",
                PlaceNames.of(arrival.path("place"))));
    }

    private static Object[] prepend(Object[] fields, String name, Object value) {
        Object[] all = new Object[fields.length + 2];
        all[0] = name;
        all[1] = value;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return all;
    }

    public RoomClient sendRaw(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
        return this;
    }

    /** Waits for the next frame of this type that matches; frames passed over stay in {@link #settle()}. */
    public JsonNode await(String type, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame;
            try {
                frame = listener.inbox.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (frame != null) {
                seen.add(frame);
                if (frame.path("type").asText().equals(type) && match.test(frame)) {
                    return frame;
                }
            }
        }
        throw new AssertionError("no matching '" + type + "' frame arrived; received: " + seen);
    }

    public JsonNode await(String type) {
        return await(type, frame -> true);
    }

    /**
     * Every frame received so far, once nothing sent earlier can still be on its way: a {@code ping} is answered
     * with a {@code pong} queued behind every frame the server sent this connection before, so the frames before
     * the pong are all there will be. On a connection the server has closed, the close frame plays that part.
     */
    public List<JsonNode> settle() {
        String ref = "probe-" + probes.incrementAndGet();
        boolean pinged = false;
        if (!listener.closed.isDone()) {
            try {
                send("ping", "ref", ref);
                pinged = true;
            } catch (CompletionException | IllegalStateException closing) {
                // The server is closing this connection: wait for its close frame instead.
            }
        }
        if (pinged) {
            awaitPongOrClose(ref);
        } else {
            closeCode();
        }
        listener.inbox.drainTo(seen);
        return List.copyOf(seen);
    }

    private void awaitPongOrClose(String ref) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame;
            try {
                frame = listener.inbox.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (frame != null) {
                if (frame.path("type").asText().equals("pong") && frame.path("ref").asText().equals(ref)) {
                    return;
                }
                seen.add(frame);
            } else if (listener.closed.isDone()) {
                return;
            }
        }
        throw new AssertionError("no pong for " + ref + " arrived; received: " + seen);
    }

    /**
     * The frames {@link #await} has taken in so far, without waiting. Frames of one connection arrive in order, so
     * after awaiting a frame the server sent later, this holds every frame sent before it: a test proves that
     * something did not arrive by awaiting such a later frame first, then looking here.
     */
    public List<JsonNode> receivedSoFar() {
        return List.copyOf(seen);
    }

    /** Whether any frame received so far contains this text anywhere. */
    public boolean received(String text) {
        return settle().stream().anyMatch(frame -> frame.toString().contains(text));
    }

    /** The highest sequence number among the frames taken in so far (0 when none): a reconnect's resume cursor. */
    public long lastSeq() {
        listener.inbox.drainTo(seen);
        return seen.stream().mapToLong(frame -> frame.path("seq").asLong()).max().orElse(0);
    }

    /** Drops the TCP connection without a close handshake, as a vanished network does. */
    public void abort() {
        socket.abort();
    }

    /** The close code the server sent, waiting for it. */
    public int closeCode() {
        try {
            return listener.closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the connection", e);
        }
    }

    /** The reason the server gave in its close frame, waiting for it. */
    public String closeReason() {
        try {
            return listener.closeReason.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the connection with a reason", e);
        }
    }

    /** The subprotocol the server selected in its handshake answer (empty when it selected none). */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
            } catch (CompletionException e) {
                socket.abort();
            }
        }
    }
}
