package org.parley.media.relay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.media.MediaPass;
import org.parley.room.domain.SessionId;

/**
 * One granted participant as the relay holds it on Janus: its Janus session, its publisher handle and private id,
 * and a subscriber handle per feed it receives. Fields are written by the relay's callbacks.
 */
final class JanusPeer {

    /** Marks a subscription being made, before Janus gave it a handle. */
    private static final long PENDING = -1;

    final SessionId session;
    final MediaPass pass;
    /** The Parley room on the wire: {@code joint} or {@code caucus:<id>}. */
    final String room;
    final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, Long> handleByFeed = new ConcurrentHashMap<>();
    volatile long janusSession;
    volatile long publisher;
    /** The handle publishing the participant's shared screen, 0 while it shares none. */
    volatile long screen;
    volatile boolean screenJoined;
    /** Counts screen offers and stops, so that a late refusal of an earlier offer can tell it is stale. */
    final AtomicInteger screenTurn = new AtomicInteger();
    volatile long privateId;
    volatile long keepalive = -1;
    volatile boolean joined;
    volatile boolean closed;
    int pollFailures;

    JanusPeer(SessionId session, MediaPass pass, String room) {
        this.session = session;
        this.pass = pass;
        this.room = room;
    }

    /** Publishers announced before the join was answered, to subscribe to once it was. */
    private JsonArray heldAnnouncements = new JsonArray();

    /** Keeps these announced publishers for later when the peer has not joined yet; false when it has. */
    synchronized boolean holdUntilJoined(JsonArray publishers) {
        if (joined) {
            return false;
        }
        publishers.forEach(heldAnnouncements::add);
        return true;
    }

    /** The peer has joined (its private id is known); answers the announcements held until now. */
    synchronized JsonArray markJoined() {
        joined = true;
        JsonArray held = heldAnnouncements;
        heldAnnouncements = new JsonArray();
        return held;
    }

    /** True when no subscription to this feed exists or is being made; then one is being made now. */
    boolean startSubscribing(long feed) {
        return handleByFeed.putIfAbsent(feed, PENDING) == null;
    }

    void subscribed(long feed, long handle) {
        handleByFeed.replace(feed, PENDING, handle);
    }

    /** Forgets the subscription to this feed; its handle, or null when there was none with a handle. */
    Long unsubscribed(long feed) {
        Long handle = handleByFeed.remove(feed);
        return handle == null || handle == PENDING ? null : handle;
    }

    Long handleOf(long feed) {
        Long handle = handleByFeed.get(feed);
        return handle == null || handle == PENDING ? null : handle;
    }

    Long feedOf(long handle) {
        return handleByFeed.entrySet().stream().filter(entry -> entry.getValue() == handle).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
