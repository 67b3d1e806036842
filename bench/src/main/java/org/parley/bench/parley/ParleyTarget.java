package org.parley.bench.parley;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.parley.bench.ServerProcess;
import org.parley.bench.Target;
import org.parley.bench.load.Connections;
import org.parley.bench.load.Member;
import org.parley.bench.load.OpenLoopRun;
import org.parley.bench.load.Room;
import org.parley.bench.load.Wire;

/**
 * The packaged Parley server in its own process (demo profile: embedded PostgreSQL and, unless another
 * {@link ParleyIdentity} is given, the demo identity provider with generated accounts turned on), provisioned and joined through its real path: a case per room, invitations,
 * sign-in, disclosure, agreement and attestation over REST, then a single-use ticket and an upgrade from an allowed
 * Origin per connection; the mediator starts the session and admits everyone into the joint room.
 */
public final class ParleyTarget implements Target {

    /** Who sits where in a room: the mediator first, then the two sides' parties and counsel. */
    private static final String[][] SEATS = {
        {"mediator", null}, {"party", "A"}, {"counsel", "A"}, {"party", "B"}, {"counsel", "B"}};

    private final String name;
    private final ParleyIdentity identity;
    private final ServerProcess server;
    private final int port;
    private final ParleyApi api;
    private final String origin;
    private final String runTag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Map<Room, String> sessions = new ConcurrentHashMap<>();
    private final Map<Member, String> usernames = new ConcurrentHashMap<>();
    private final Map<Member, List<Waiter>> waiters = new HashMap<>();
    private Connections connections;

    private record Waiter(Predicate<String> accept, Promise<String> seen) {
    }

    public ParleyTarget(int cpu, int port, List<String> jvmOptions, Path jar, Path dataDir, Path logs)
            throws Exception {
        this("Parley", ParleyIdentity.DEMO, cpu, port, jvmOptions, jar, dataDir, logs);
    }

    /**
     * The demo profile's server (embedded PostgreSQL) whose accounts come from {@code identity}, reported as
     * {@code name}; its log is {@code logs/<name>.log}.
     */
    public ParleyTarget(String name, ParleyIdentity identity, int cpu, int port, List<String> jvmOptions, Path jar,
            Path dataDir, Path logs) throws Exception {
        this.name = name;
        this.identity = identity;
        this.port = port;
        this.origin = "http://localhost:" + port;
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Dquarkus.profile=demo",
                "-Dquarkus.http.port=" + port,
                "-Dparley.data-dir=" + dataDir,
                "-Dparley.media.enabled=false",
                "-Dparley.websocket.allowed-origins=" + origin,
                // One address opens every connection and sends every frame of the run; the per-address and
                // per-connection limits are for people, not for a load generator.
                "-Dparley.room.frames.rate=100000",
                "-Dparley.room.frames.burst=100000",
                "-Dparley.websocket.upgrades.rate=100000",
                "-Dparley.websocket.upgrades.burst=100000"));
        command.addAll(identity.serverOptions());
        command.addAll(List.of("-jar", jar.toString()));
        this.server = ServerProcess.start(cpu, command, logs.resolve(name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-") + ".log"));
        server.awaitLog("Listening on", 180);
        this.api = identity.api(URI.create("http://127.0.0.1:" + port));
    }

    /** Parley's REST API as this run's participants call it. */
    public ParleyApi api() {
        return api;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ServerProcess server() {
        return server;
    }

    @Override
    public Wire wire() {
        return new Wire() {
            @Override
            public String messageFrame(Member member, String text) {
                return "{\"type\":\"message\",\"place\":\"" + member.place + "\",\"placement\":" + member.placement
                        + ",\"text\":\"" + text + "\"}";
            }

            @Override
            public String payloadOf(Member member, String frame) {
                if (frame.contains("\"type\":\"message\"")) {
                    int start = frame.indexOf("\"text\":\"");
                    return start < 0 ? null : frame.substring(start + 8, frame.indexOf('"', start + 8));
                }
                dispatch(member, frame);
                return null;
            }
        };
    }

    /** The {@code ref} of the frames the mediation mix sends that the server must refuse. */
    static final String UNAUTHORISED_REF = "unauthorised";
    private final AtomicLong refusalsExpected = new AtomicLong();
    private final AtomicLong refusalsSeen = new AtomicLong();
    private final AtomicLong unexpectedErrors = new AtomicLong();

    void expectRefusal() {
        refusalsExpected.incrementAndGet();
    }

    /** Refused frames so far: those the mix sent on purpose (sent, refused) and any other error frame. */
    public long[] refusals() {
        return new long[] {refusalsExpected.get(), refusalsSeen.get(), unexpectedErrors.get()};
    }

    /**
     * The mediation mix over {@code rooms}: opens side A's caucus in each (once), then answers the choreography that
     * moves side A and the mediator between it and the joint room every half {@code cycleSeconds}.
     */
    public OpenLoopRun.Choreography mediationMix(Context context, List<Room> rooms, int cycleSeconds) {
        Map<Room, String> caucuses = new ConcurrentHashMap<>();
        List<Member> mediators = rooms.stream().map(room -> room.members.get(0)).toList();
        connections.forEach(mediators, 32, mediator -> {
            Future<String> opened = awaitFrameText(mediator, frame -> frame.contains("\"type\":\"caucus_opened\""))
                    .map(frame -> new JsonObject(frame).getString("caucus"));
            mediator.socket.writeTextMessage("{\"type\":\"open_caucus\",\"side\":\"A\"}");
            return opened.map(caucus -> caucuses.put(mediator.room, caucus));
        });
        return new MediationMix(this, context, rooms, caucuses, cycleSeconds);
    }

    @Override
    public List<Room> connect(Context context, int rooms, int size, int firstIndex) throws Exception {
        List<Room> created = provisioned(rooms, size, firstIndex);
        join(context, created);
        return created;
    }

    /**
     * Creates {@code rooms} rooms of {@code size} members each, numbered from {@code firstIndex}: cases, invitations,
     * sign-ins, disclosure, agreement and attestations, but no connection yet.
     */
    public List<Room> provisioned(int rooms, int size, int firstIndex) throws Exception {
        if (size < 3 || size > SEATS.length) {
            throw new IllegalArgumentException("a Parley room here has 3 to " + SEATS.length + " members");
        }
        List<Room> created = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            created.add(new Room("s" + (firstIndex + r * size), size, firstIndex + r * size));
        }
        provision(created);
        return created;
    }

    /** Connects every member of provisioned {@code rooms}; the mediators start and admit everyone. */
    public void join(Context context, List<Room> rooms) {
        connections = new Connections(context);
        List<Member> members = rooms.stream().flatMap(room -> room.members.stream()).toList();
        connections.forEach(members, 32, this::open);
        List<Member> mediators = rooms.stream().map(room -> room.members.get(0)).toList();
        connections.forEach(mediators, 32, this::startAndAdmitEveryone);
    }

    /** Cases, invitations, sign-ins and attestations, eight rooms at a time. */
    private void provision(List<Room> rooms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Room room : rooms) {
                done.add(pool.submit(() -> provision(room)));
            }
            for (java.util.concurrent.Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void provision(Room room) {
        String admin = identity.courtAdmin();
        String caseId = api.post(admin, "/api/cases", new JsonObject().put("reference", "BENCH-" + room.name
                + "-" + runTag).put("title", "Benchmark " + room.name).put("caucusPolicy", "release_required"), 201)
                .getString("id");
        for (Member member : room.members) {
            String[] seat = SEATS[member.seat];
            String generated = "bench-" + seat[0] + "-" + runTag + "x" + member.index;
            String email = generated + "@bench.parley.invalid";
            // A first and a last name, as a person has: a Keycloak account without a last name must complete its
            // profile before any sign-in.
            JsonObject invitation = new JsonObject().put("email", email)
                    .put("displayName", "Bench " + generated).put("role", seat[0]).put("side", seat[1]);
            member.participantId = api.post(admin, "/api/cases/" + caseId + "/participants", invitation, 201)
                    .getString("id");
            String username = identity.invited(generated, email);
            usernames.put(member, username);
            api.get(username, "/api/cases");
        }
        String mediator = usernames.get(room.members.get(0));
        String sessionId = api.post(mediator, "/api/cases/" + caseId + "/sessions", new JsonObject(), 201)
                .getString("id");
        api.put(mediator, "/api/cases/" + caseId + "/disclosure", new JsonObject().put("noneKnown", true));
        for (Member member : room.members) {
            String username = usernames.get(member);
            if ("party".equals(SEATS[member.seat][0])) {
                int version = api.get(username, "/api/cases/" + caseId + "/disclosure").getInteger("version");
                api.post(username, "/api/cases/" + caseId + "/disclosure/acknowledgement",
                        new JsonObject().put("version", version), 200);
            }
            int version = api.get(username, "/api/cases/" + caseId + "/agreement").getInteger("version");
            api.post(username, "/api/cases/" + caseId + "/agreement/acceptance",
                    new JsonObject().put("version", version), 200);
            api.post(username, "/api/sessions/" + sessionId + "/attestation",
                    new JsonObject().put("noRecording", true).put("privateLocation", true), 200);
        }
        sessions.put(room, sessionId);
    }

    /**
     * A fresh ticket (fetched off the event loop), the upgrade, and the first {@code you_are_in}. The ticket requests
     * of parallel opens run side by side: the context's default blocking execution is ordered, which would queue
     * them one behind the other and measure a single caller.
     */
    private Future<?> open(Member member) {
        String sessionId = sessions.get(member.room);
        Context context = io.vertx.core.Vertx.currentContext();
        return context.executeBlocking(() -> api.ticket(usernames.get(member), sessionId), false)
                .compose(ticket -> connections.open(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                        .setURI("/ws/sessions/" + sessionId).setSubProtocols(List.of("parley.v1", "ticket." + ticket))
                        .addHeader("Origin", origin)))
                .compose(socket -> {
                    member.socket = socket;
                    waiters.put(member, new ArrayList<>());
                    socket.textMessageHandler(frame -> dispatch(member, frame));
                    return awaitFrame(member, frame -> frame.contains("\"type\":\"you_are_in\""));
                });
    }

    private Future<?> startAndAdmitEveryone(Member mediator) {
        Future<Void> started = awaitFrame(mediator, frame -> frame.contains("\"type\":\"session_started\""));
        mediator.socket.writeTextMessage("{\"type\":\"start\"}");
        return started.compose(ignored -> {
            List<Future<Void>> inJointRoom = new ArrayList<>();
            for (Member member : mediator.room.members) {
                inJointRoom.add(awaitFrame(member, frame -> frame.contains("\"type\":\"you_are_in\"")
                        && frame.contains("\"kind\":\"joint\"")));
                mediator.socket.writeTextMessage("{\"type\":\"admit\",\"participant\":\"" + member.participantId
                        + "\"}");
            }
            return Future.all(inJointRoom);
        });
    }

    Future<Void> awaitFrame(Member member, Predicate<String> accept) {
        return awaitFrameText(member, accept).mapEmpty();
    }

    private Future<String> awaitFrameText(Member member, Predicate<String> accept) {
        Promise<String> seen = Promise.promise();
        waiters.get(member).add(new Waiter(accept, seen));
        return seen.future();
    }

    private void dispatch(Member member, String frame) {
        if (frame.contains("\"type\":\"you_are_in\"")) {
            notePlace(member, frame);
        }
        if (frame.contains("\"type\":\"error\"") && frame.contains("\"ref\":\"" + UNAUTHORISED_REF + "\"")) {
            refusalsSeen.incrementAndGet();
            return;
        }
        if (frame.contains("\"type\":\"error\"")) {
            unexpectedErrors.incrementAndGet();
            List<Waiter> pending = waiters.get(member);
            List<Waiter> failed = new ArrayList<>(pending);
            pending.clear();
            failed.forEach(waiter -> waiter.seen().tryFail(new IllegalStateException("refused: " + frame)));
            return;
        }
        // Completing a waiter runs what waits on it, which may register the next waiter: take them out first.
        List<Waiter> pending = waiters.get(member);
        List<Waiter> matched = pending.stream().filter(waiter -> waiter.accept().test(frame)).toList();
        pending.removeAll(matched);
        matched.forEach(waiter -> waiter.seen().tryComplete(frame));
    }

    private static void notePlace(Member member, String frame) {
        JsonObject youAreIn = new JsonObject(frame);
        JsonObject place = youAreIn.getJsonObject("place");
        member.place = "caucus".equals(place.getString("kind")) ? "caucus:" + place.getString("caucus")
                : place.getString("kind");
        member.placement = youAreIn.getLong("placement", 0L);
    }

    @Override
    public long reconnectNanos(Context context, List<Room> rooms, int parallel) {
        List<Member> members = rooms.stream().flatMap(room -> room.members.stream()).toList();
        connections.forEach(members, parallel, member -> member.socket.close());
        long start = System.nanoTime();
        connections.forEach(members, parallel, this::open);
        return System.nanoTime() - start;
    }

    /**
     * Room tickets issued per second by {@code threads} callers asking without pause for {@code seconds}, for the
     * members of {@code rooms} in turn.
     */
    public double ticketsPerSecond(List<Room> rooms, int threads, int seconds) throws InterruptedException {
        List<Member> members = rooms.stream().flatMap(room -> room.members.stream()).toList();
        AtomicLong issued = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            pool.submit(() -> {
                for (int i = first; running.get(); i += threads) {
                    Member member = members.get(i % members.size());
                    api.ticket(usernames.get(member), sessions.get(member.room));
                    issued.incrementAndGet();
                }
            });
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        running.set(false);
        long count = issued.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        return count / elapsed;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
