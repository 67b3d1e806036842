package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Decision;
import org.parley.room.domain.DurableState;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.Event;
import org.parley.room.domain.ItemView;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;
import org.parley.room.domain.Side;

/**
 * A seeded randomized model of disconnects, resumes, duplicates and restarts: the real live session and the real
 * per-participant streams, with simulated clients whose connections drop (losing whatever was still on its way),
 * who read only part of what was sent, and who reconnect with their last {@code seq} (now and then with none), while
 * the others talk and the mediator moves people and opens caucuses; now and then the server restarts, and the
 * session is replaced by one restored from its durable state (what the journal holds), with fresh streams and client
 * ids and every connection gone. The buffer bounds are chosen small per seed so that some resumes cannot be replayed.
 *
 * <p>Invariants, checked as each client reads: it never reads an item the session did not address to it; within a
 * connection {@code seq} only grows, and a replay starts after the cursor; a message, or an item of a replayed
 * arrival's history, is never one the client already shows. Clients send messages with client ids, keep them until
 * acknowledged, send them again after each reconnect (as the web client does) and now and then send a copy: no
 * client id ever becomes two items. And at the end, after a last drop and resume for everyone, each client shows
 * exactly what the session addressed to it since its last arrival, in order (nothing lost), and nothing it sent is
 * left unanswered. Across restarts: the restored session's durable state equals the journalled one, every accepted
 * command leaves a durable state that restores equal, a refused command changes none, and no item from before a
 * restart is ever read after it (content does not survive a restart). The seed is printed on failure; the run
 * fails unless it reached restarts, copies and both kinds of resume.
 */
class ResumeModelTest {

    private static final int RUNS = 300;
    private static final int STEPS = 160;
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = "s-model";

    private static final ParticipantId M = ParticipantId.of("mediator");
    private static final List<Participant> ROSTER = List.of(
            Participant.mediator("mediator", "Mediator"),
            Participant.party("partyA", "Party A", "A"),
            Participant.counsel("counselA", "Counsel A", "A"),
            Participant.party("partyB", "Party B", "B"),
            Participant.counsel("counselB", "Counsel B", "B"));

    @Test
    void resumedClientsShowExactlyWhatTheyWereEntitledToWithNothingLostOrDoubled() {
        Reached reached = new Reached();
        for (long seed = 1; seed <= RUNS; seed++) {
            try {
                new Run(seed, reached).play();
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("resume model failed with seed " + seed + ": " + failure.getMessage(),
                        failure);
            }
        }
        System.out.printf("resume model: seeds 1..%d, %d steps each: %d restarts, %d copies sent (%d applied once"
                + " before), %d resumes replayed, %d resumes not possible%n", RUNS, STEPS, reached.restarts,
                reached.copies, reached.copiesNotApplied, reached.replayed, reached.notPossible);
        // A generator that drifted into testing nothing must fail: each situation is reached many times.
        assertTrue(reached.restarts > RUNS / 2, "too few restarts: " + reached.restarts);
        assertTrue(reached.copies > RUNS / 2, "too few copies: " + reached.copies);
        assertTrue(reached.copiesNotApplied > RUNS / 4, "too few copies answered without applying them again: "
                + reached.copiesNotApplied);
        assertTrue(reached.replayed > RUNS, "too few replayed resumes: " + reached.replayed);
        assertTrue(reached.notPossible > RUNS, "too few resumes that could not be replayed: " + reached.notPossible);
    }

    /** How often the runs reached what they are about. */
    private static final class Reached {
        int restarts;
        int copies;
        int copiesNotApplied;
        int replayed;
        int notPossible;
    }

    /** One simulated browser of one participant. */
    private static final class Client {
        final ParticipantId id;
        final Deque<String> inFlight = new ArrayDeque<>();
        ParticipantStreams.Outlet outlet;
        ParticipantStream stream;
        boolean connected;
        long lastSeq;
        /** The highest seq read on the current connection, or the cursor it resumed from. */
        long connectionSeq;
        int framesOnConnection;
        String shownPlace;
        long shownPlacement;
        List<String> view = new ArrayList<>();
        final Set<String> everRead = new HashSet<>();
        /** Messages sent and not yet acknowledged or refused, by client id: the text is the client id. */
        final Map<String, String> outbox = new LinkedHashMap<>();
        /** Client ids acknowledged already, which a copy may still be sent of. */
        final List<String> acknowledged = new ArrayList<>();
        boolean joinedOnConnection;
        /** The latest frames read and connection events, for the failure message. */
        final Deque<String> log = new ArrayDeque<>();
        boolean arrivedOnConnection;

        Client(ParticipantId id) {
            this.id = id;
        }
    }

    private static final class Run {
        private final long seed;
        private final Random random;
        private final Reached reached;
        private final int frames;
        private final long bytes;
        private final AtomicLong ids = new AtomicLong();
        /** Replaced at each restart, like the server's memory. */
        private ParticipantStreams streams;
        private LiveSession session;
        private final Map<ParticipantId, Client> clients = new LinkedHashMap<>();
        /** Every item id the session addressed to each participant, in a message or an arrival's history. */
        private final Map<ParticipantId, Set<String>> entitled = new HashMap<>();
        /** The latest arrival the session addressed to each participant, as the session wrote it (unshaped). */
        private final Map<ParticipantId, Event.YouAreIn> lastArrival = new HashMap<>();
        private final List<CaucusId> caucuses = new ArrayList<>();
        /** What a client connected throughout would show: the latest arrival's history and the messages after it. */
        private final Map<ParticipantId, List<String>> reference = new HashMap<>();
        /** The item each message text (a client id) became. */
        private final Map<String, String> itemOfText = new HashMap<>();
        private AcceptedClientIds clientIds = new AcceptedClientIds(1_000);
        /** Every item id addressed to anyone before the latest restart: none of them may be read after it. */
        private final Set<String> lostWithRestart = new HashSet<>();
        private int restarts;
        private final FrameEncoder encoder = new FrameEncoder(JSON);
        private int said;

        Run(long seed, Reached reached) {
            this.seed = seed;
            this.reached = reached;
            this.random = new Random(seed);
            this.frames = 4 + random.nextInt(80);
            this.bytes = 1_500 + random.nextInt(40_000);
            this.streams = freshStreams();
            this.session = freshSession();
            ROSTER.forEach(participant -> {
                clients.put(participant.id(), new Client(participant.id()));
                entitled.put(participant.id(), new HashSet<>());
                reference.put(participant.id(), new ArrayList<>());
            });
        }

        /**
         * Small starting numbers on purpose: a later stream may reach numbers an earlier one used. After a restart
         * the streams start where production starts them, at random below 2^30: that alone tells a cursor from
         * before the restart from one the new stream issued, and small numbers there would make a new stream
         * "cover" an old cursor, which production makes all but impossible.
         */
        private ParticipantStreams freshStreams() {
            return new ParticipantStreams(new FrameEncoder(JSON), WINDOW, frames, bytes, restarts == 0
                    ? () -> 1 + random.nextInt(50) : () -> 1 + random.nextInt(Integer.MAX_VALUE >> 1));
        }

        /** Item ids go on counting across restarts, so that an item from before one is told apart after it. */
        private LiveSession freshSession() {
            return new LiveSession(new SessionId(SESSION), ROSTER, Clock.fixed(T0, ZoneOffset.UTC),
                    () -> "id-" + ids.incrementAndGet());
        }

        private LiveSession restoredFrom(DurableState journalled) {
            LiveSession restored = freshSession();
            restored.restore(journalled);
            return restored;
        }

        /**
         * The server restarts: every connection and whatever was on its way is gone, and so are the streams and
         * the accepted client ids; the session comes back from its journalled durable state, without its content.
         */
        private void restart() {
            if (session.phase() != SessionPhase.LIVE) {
                return;
            }
            DurableState journalled = session.durableState();
            for (Client client : clients.values()) {
                note(client, "restart");
                client.inFlight.clear();
                client.connected = false;
                // A network copy never outlives its connection, let alone the server.
                client.acknowledged.clear();
            }
            entitled.values().forEach(lostWithRestart::addAll);
            // Content is gone: a message sent again after the restart may become an item anew, once.
            itemOfText.clear();
            restarts++;
            reached.restarts++;
            streams = freshStreams();
            clientIds = new AcceptedClientIds(1_000);
            session = restoredFrom(journalled);
            assertEquals(journalled, session.durableState(), "the restored session equals the journalled state");
            assertTrue(session.contentLost(), "a restored session says its content is gone");
        }

        void play() {
            clients.values().forEach(client -> connect(client, null));
            apply(() -> session.startSession(M));
            for (Client client : clients.values()) {
                apply(() -> session.markAttested(client.id));
                if (!client.id.equals(M)) {
                    apply(() -> session.admit(M, client.id));
                }
            }
            apply(() -> session.goTo(M, Place.joint()));
            for (int step = 0; step < STEPS; step++) {
                step();
            }
            // The end: everyone drops and resumes once more, and reads everything.
            for (Client client : clients.values()) {
                if (client.connected) {
                    readSome(client, random.nextInt(client.inFlight.size() + 1));
                    drop(client);
                }
                connect(client, client.lastSeq > 0 ? client.lastSeq : null);
                readSome(client, Integer.MAX_VALUE);
            }
            // Messages sent again on the last connections reach the others: read those too.
            clients.values().forEach(client -> readSome(client, Integer.MAX_VALUE));
            for (Client client : clients.values()) {
                assertEquals(reference.get(client.id), client.view,
                        client.id + " shows what the session addressed to it since its last arrival, in order");
                assertEquals(placeName(lastArrival.get(client.id)), client.shownPlace, client.id + " shows where it is");
                assertEquals(Map.of(), client.outbox, client.id + " has every message answered");
            }
        }

        private void step() {
            List<Client> all = new ArrayList<>(clients.values());
            Client client = all.get(random.nextInt(all.size()));
            int choice = random.nextInt(100);
            if (choice < 30) {
                if (client.connected && client.shownPlace != null) {
                    say(client);
                }
            } else if (choice < 50) {
                if (client.connected) {
                    readSome(client, 1 + random.nextInt(6));
                }
            } else if (choice < 60) {
                if (client.connected) {
                    drop(client);
                } else {
                    connect(client, random.nextInt(10) == 0 || client.lastSeq == 0 ? null : client.lastSeq);
                }
            } else if (choice < 68) {
                if (!client.connected) {
                    connect(client, client.lastSeq == 0 ? null : client.lastSeq);
                }
            } else if (choice < 83) {
                moveSomeone(all);
            } else if (choice < 87) {
                Side side = Side.of(random.nextBoolean() ? "A" : "B");
                Decision opened = apply(() -> session.openSideCaucus(M, side));
                if (opened instanceof Decision.Accepted accepted) {
                    accepted.deliveries().stream().map(Delivery::event)
                            .filter(Event.CaucusOpened.class::isInstance).map(Event.CaucusOpened.class::cast)
                            .findFirst().ifPresent(event -> caucuses.add(event.caucusId()));
                }
            } else if (choice < 96) {
                if (client.connected && client.arrivedOnConnection) {
                    sendACopy(client);
                }
            } else if (choice < 98) {
                // Time passes for the streams only: those without a connection for longer than the window go.
                streams.expire(T0.plus(WINDOW).plusSeconds(1));
                clients.values().forEach(each -> note(each, "expire"));
            } else if (choice < 99) {
                if (!caucuses.isEmpty() && random.nextInt(3) == 0) {
                    apply(() -> session.closeCaucus(M, caucuses.remove(random.nextInt(caucuses.size()))));
                }
            } else {
                restart();
            }
        }

        private void say(Client client) {
            Optional<Place> place = PlaceCodec.parse(client.shownPlace);
            if (place.isEmpty() || place.get().equals(Place.lobby())) {
                return;
            }
            String clientId = client.id.value() + "-" + (++said);
            client.outbox.put(clientId, client.shownPlace);
            send(client, clientId, SeenPlace.of(place.get(), client.shownPlacement));
        }

        /** A copy of a message sent before: still pending, or even one acknowledged already. */
        private void sendACopy(Client client) {
            List<String> candidates = new ArrayList<>(client.outbox.keySet());
            candidates.addAll(client.acknowledged);
            if (candidates.isEmpty()) {
                return;
            }
            String clientId = candidates.get(random.nextInt(candidates.size()));
            Optional<Place> place = PlaceCodec.parse(client.shownPlace);
            if (place.isPresent() && !place.get().equals(Place.lobby())) {
                reached.copies++;
                if (!send(client, clientId, SeenPlace.of(place.get(), client.shownPlacement))) {
                    reached.copiesNotApplied++;
                }
            }
        }

        /** What the server does with a message frame carrying a client id (see RoomSocket): apply once, then ack. */
        private boolean send(Client client, String clientId, SeenPlace seen) {
            boolean[] applied = {false};
            Optional<Decision.Refused> refusal = clientIds.lockFor(new SessionId(SESSION), client.id)
                    .applyOnce(clientId, () -> {
                        applied[0] = true;
                        return CompletableFuture.completedFuture(
                                apply(() -> session.postMessage(client.id, seen, clientId)));
                    }).join();
            if (refusal.isPresent()) {
                streams.reply(client.stream, client.outlet, seq -> encoder.error(seq, refusal.get().code().wireCode(),
                        refusal.get().detail(), null, clientId), true);
            } else {
                streams.sendToCurrent(SESSION, client.id.value(), seq -> encoder.ack(seq, clientId), true);
            }
            return applied[0];
        }

        /** After a reconnect's own arrival: every pending message again, with its client id (as the web client). */
        private void resendPending(Client client) {
            for (Map.Entry<String, String> pending : List.copyOf(client.outbox.entrySet())) {
                Place composedIn = PlaceCodec.parse(pending.getValue()).orElseThrow();
                SeenPlace seen = pending.getValue().equals(client.shownPlace)
                        ? SeenPlace.of(composedIn, client.shownPlacement) : SeenPlace.of(composedIn);
                send(client, pending.getKey(), seen);
            }
        }

        private void moveSomeone(List<Client> all) {
            Client who = all.get(random.nextInt(all.size()));
            List<Place> targets = new ArrayList<>(List.of(Place.joint(), Place.lobby()));
            caucuses.forEach(caucus -> targets.add(Place.caucus(caucus)));
            Place target = targets.get(random.nextInt(targets.size()));
            apply(() -> who.id.equals(M) ? session.goTo(M, target) : session.move(M, who.id, target));
        }

        private void connect(Client client, Long resumeFrom) {
            note(client, "connect resume=" + resumeFrom);
            client.inFlight.clear();
            ParticipantStreams.Outlet outlet = client.inFlight::addLast;
            client.outlet = outlet;
            client.connected = true;
            client.connectionSeq = resumeFrom == null ? 0 : resumeFrom;
            client.framesOnConnection = 0;
            client.joinedOnConnection = false;
            client.arrivedOnConnection = false;
            client.stream = streams.attach(SESSION, client.id.value(), outlet, resumeFrom, T0, stream -> {
            });
            note(client, "attached: " + client.stream.pendingResume() + " last " + client.stream.lastSeq()
                    + " in flight " + client.inFlight.size());
            apply(() -> session.connect(client.id));
        }

        private static void note(Client client, String what) {
            client.log.addLast(what);
            if (client.log.size() > 25) {
                client.log.removeFirst();
            }
        }

        private void drop(Client client) {
            note(client, "drop");
            // Whatever was still on its way is lost with the connection.
            client.inFlight.clear();
            client.connected = false;
            streams.detach(client.stream, client.outlet, T0);
            apply(() -> session.disconnect(client.id));
        }

        private void readSome(Client client, int count) {
            for (int i = 0; i < count && !client.inFlight.isEmpty(); i++) {
                read(client, parse(client.inFlight.removeFirst()));
            }
        }

        private void read(Client client, JsonNode frame) {
            long seq = frame.path("seq").asLong();
            String type = frame.path("type").asText();
            note(client, "read " + frame);
            if (type.equals("joined") && client.framesOnConnection == 0) {
                // Nothing was replayed: the stream may be a new one, numbered afresh, whose arrival is a snapshot.
                client.connectionSeq = 0;
            }
            client.framesOnConnection++;
            assertTrue(seq > client.connectionSeq, "seq grows on a connection and a replay starts after the cursor: "
                    + client.id + " read " + seq + " after " + client.connectionSeq);
            client.connectionSeq = seq;
            client.lastSeq = seq;
            if (type.equals("joined")) {
                client.joinedOnConnection = true;
            } else if (type.equals("ack")) {
                String clientId = frame.path("clientId").asText();
                if (client.outbox.remove(clientId) != null) {
                    client.acknowledged.add(clientId);
                }
            } else if (type.equals("error") && frame.has("clientId")) {
                client.outbox.remove(frame.path("clientId").asText());
            } else if (type.equals("message")) {
                String item = frame.path("item").path("id").asText();
                entitledTo(client, item);
                assertEquals(client.shownPlace, frame.path("item").path("room").asText(),
                        "a message belongs to the room the client shows; " + client.id + ": " + client.log);
                assertTrue(!client.view.contains(item), client.id + " was sent " + item + " twice");
                client.view.add(item);
            } else if (type.equals("you_are_in")) {
                String place = placeName(frame.path("place"));
                List<String> history = new ArrayList<>();
                frame.path("history").forEach(item -> history.add(item.path("id").asText()));
                history.forEach(item -> entitledTo(client, item));
                String resume = frame.path("resume").asText();
                if (resume.equals("replayed")) {
                    reached.replayed++;
                } else if (resume.equals("not_possible")) {
                    reached.notPossible++;
                }
                if (resume.equals("replayed") && place.equals(client.shownPlace)) {
                    for (String item : history) {
                        assertTrue(!client.view.contains(item), client.id + " was replayed " + item + " twice");
                        client.view.add(item);
                    }
                } else {
                    client.view = history;
                }
                client.shownPlace = place;
                client.shownPlacement = frame.path("placement").asLong();
                // The arrival after this connection's own joined (not one replayed from before it).
                if (client.joinedOnConnection && !client.arrivedOnConnection) {
                    client.arrivedOnConnection = true;
                    resendPending(client);
                }
            }
        }

        private void entitledTo(Client client, String item) {
            assertTrue(!lostWithRestart.contains(item),
                    client.id + " read item " + item + " from before a restart (seed " + seed + ")");
            assertTrue(entitled.get(client.id).contains(item),
                    client.id + " read item " + item + " that the session never addressed to it (seed " + seed + ")");
            client.everRead.add(item);
        }

        /**
         * Decides one command and checks what a restart must keep: a refusal changes no durable state, and the state
         * an accepted command leaves restores equal.
         */
        private Decision apply(Supplier<Decision> command) {
            DurableState before = session.durableState();
            Decision decision = command.get();
            if (decision instanceof Decision.Refused refused) {
                assertEquals(before, session.durableState(), "refused " + refused.code() + " but the durable state changed");
            } else if (session.phase() == SessionPhase.LIVE) {
                DurableState now = session.durableState();
                assertEquals(now, restoredFrom(now).durableState(), "the durable state does not restore equal");
            }
            return apply(decision);
        }

        private Decision apply(Decision decision) {
            if (!(decision instanceof Decision.Accepted accepted)) {
                return decision;
            }
            for (Delivery delivery : accepted.deliveries()) {
                Set<String> items = entitled.get(delivery.recipient());
                List<String> shown = reference.get(delivery.recipient());
                if (delivery.event() instanceof Event.MessagePosted posted) {
                    items.add(posted.item().itemId().value());
                    shown.add(posted.item().itemId().value());
                    oneItemPerText(posted.item());
                } else if (delivery.event() instanceof Event.YouAreIn in) {
                    in.history().stream().map(ItemView::itemId).forEach(item -> items.add(item.value()));
                    in.history().forEach(this::oneItemPerText);
                    lastArrival.put(delivery.recipient(), in);
                    shown.clear();
                    in.history().forEach(item -> shown.add(item.itemId().value()));
                }
            }
            streams.deliver(SESSION, accepted.deliveries());
            return decision;
        }

        private void oneItemPerText(ItemView item) {
            String earlier = itemOfText.putIfAbsent(item.text(), item.itemId().value());
            assertTrue(earlier == null || earlier.equals(item.itemId().value()),
                    "message " + item.text() + " was applied twice: " + earlier + " and " + item.itemId().value());
        }

        private static String placeName(Event.YouAreIn in) {
            if (in.place() instanceof org.parley.room.domain.PlaceView.InJointRoom) {
                return "joint";
            }
            if (in.place() instanceof org.parley.room.domain.PlaceView.InCaucus caucus) {
                return "caucus:" + caucus.caucusId().value();
            }
            return "lobby";
        }

        private static String placeName(JsonNode place) {
            return switch (place.path("kind").asText()) {
                case "joint" -> "joint";
                case "caucus" -> "caucus:" + place.path("caucus").asText();
                default -> "lobby";
            };
        }

        private static JsonNode parse(String frame) {
            try {
                return JSON.readTree(frame);
            } catch (Exception e) {
                throw new IllegalStateException("the server wrote a frame that is not JSON", e);
            }
        }
    }
}
