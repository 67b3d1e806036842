package org.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.testing.Unrecorded;
import org.parley.media.embedded.EmbeddedJanus;
import org.parley.media.janus.JanusMediaGrants;
import org.parley.media.janus.JanusMediaServer;
import org.parley.media.relay.JanusRelay;
import org.parley.media.turn.IceServers;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.Event;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.Side;
import org.parley.room.service.SessionRuntime;
import org.parley.testing.MutableClock;

/**
 * The session runtime driving a real Janus through the relay: each granted participant gets a Janus session,
 * publisher and answer that Parley holds; a move cuts the mover's media (its Janus session and publisher gone)
 * before anyone is told, and grants the new room after; a cut Janus cannot confirm counts as done and alerts the
 * mediator. The browsers' side is played by a recording of the frames they would receive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JanusRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ParticipantId M = ParticipantId.of("mediator");
    private static final ParticipantId PA = ParticipantId.of("partyA");
    private static final ParticipantId PB = ParticipantId.of("partyB");
    private static final List<ParticipantId> EVERYONE = List.of(M, PA, PB);

    private static EmbeddedJanus janus;
    private static Vertx vertx;
    private static JanusMediaServer server;

    /** Frames and signals in the order they would reach the clients: "PA you_are_in", "PA media_grant joint". */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<ParticipantId, MediaPass> passes = new ConcurrentHashMap<>();
    /** Every grant signal, to see what it carried besides its room. */
    private final List<MediaSignal.Granted> grants = Collections.synchronizedList(new ArrayList<>());
    private final SessionId sessionId = new SessionId("session-" + UUID.randomUUID());
    private JanusRelay relay;
    private SessionRuntime runtime;

    @BeforeAll
    static void startJanus() throws IOException {
        janus = JanusTestServer.start();
        vertx = Vertx.vertx();
        server = new JanusMediaServer(WebClient.create(vertx), janus.endpoint(), Duration.ofSeconds(5),
                new SecureRandom(), Optional.of(janus.recordingsDirectory().toString()), 16);
    }

    @AfterAll
    static void stopJanus() {
        if (vertx != null) {
            vertx.closeAndAwait();
        }
        if (janus != null) {
            janus.close();
        }
    }

    @BeforeEach
    void newSession() {
        MediaSignals signals = (session, participant, signal) -> {
            if (signal instanceof MediaSignal.Granted granted) {
                grants.add(granted);
            }
            log.add(participant.value() + " " + describe(signal));
        };
        relay = new JanusRelay(vertx, janus.endpoint(), Duration.ofSeconds(3), new SecureRandom(), signals,
                IceServers.NONE);
        MediaGrants grants = new RelayedMediaGrants(new JanusMediaGrants(server, new SecureRandom()), relay);
        MediaGrants recorded = new PassRecorder(grants);
        LiveSession session = new LiveSession(sessionId, List.of(Participant.mediator(M.value(), "Mediator"),
                Participant.party(PA.value(), "Party A", "A"), Participant.party(PB.value(), "Party B", "B")),
                new MutableClock(Instant.parse("2026-03-02T14:00:00Z")), IdSource.randomUuids());
        runtime = new SessionRuntime(new SessionRuntime.SessionRef(UUID.randomUUID(), UUID.randomUUID(), "court"),
                session, (id, deliveries) -> deliveries.forEach(d -> log.add(d.recipient().value() + " "
                        + d.event().getClass().getSimpleName())), Unrecorded.journal(), Unrecorded.audit(), recorded,
                Duration.ofSeconds(2));
    }

    @Test
    @Order(1)
    void everyGrantedParticipantIsJoinedByParleyAndGetsJanusAnswerToItsOffer() throws Exception {
        everyoneInTheJointRoom();

        for (ParticipantId p : EVERYONE) {
            assertTrue(relay.fromClient(sessionId, p, new ClientSignal.PublishOffer(fakeOffer())));
        }

        for (ParticipantId p : EVERYONE) {
            String answer = awaitLog(p.value() + " media_answer");
            assertTrue(answer.contains("a=fingerprint"), "Janus's SDP answer reached " + p + ": " + answer);
        }
        List<Long> joined = await(server.participants(room(passes.get(PA).mediaRoom())));
        assertEquals(EVERYONE.stream().map(p -> passes.get(p).feed()).collect(Collectors.toSet()), setOf(joined),
                "Janus holds exactly the publishers Parley joined");
        assertEquals(EVERYONE.size(), grants.size());
        assertTrue(grants.stream().allMatch(granted -> granted.iceServers().isEmpty()),
                "without TURN configured a grant carries no ICE servers: " + grants);
    }

    @Test
    @Order(2)
    void aMoveCutsTheMoversJanusPublisherBeforeAnyoneIsToldAndGrantsTheCaucusAfter() throws Exception {
        everyoneInTheJointRoom();
        MediaPass joint = passes.get(PA);
        CaucusId caucus = openCaucusA();
        log.clear();

        runtime.apply(s -> s.move(M, PA, Place.caucus(caucus)));

        awaitLog("partyA media_grant caucus:" + caucus.value());
        int revoked = log.indexOf("partyA media_revoked joint revoked");
        int told = log.indexOf("partyA YouAreIn");
        int othersTold = indexOf(line -> line.startsWith("partyB ") && line.endsWith("PresenceChanged"));
        int granted = log.indexOf("partyA media_grant caucus:" + caucus.value());
        assertTrue(revoked >= 0 && revoked < told && told < granted, () -> "order was " + log);
        assertTrue(othersTold < 0 || revoked < othersTold, () -> "order was " + log);
        List<Long> stillInJoint = await(server.participants(room(joint.mediaRoom())));
        assertFalse(stillInJoint.contains(joint.feed()), "party A's joint publisher is gone from Janus");
        assertEquals(setOf(List.of(passes.get(M).feed(), passes.get(PB).feed())), setOf(stillInJoint));
        assertFalse(relay.fromClient(sessionId, PB, new ClientSignal.SubscribeAnswer(joint.feed(), "v=0")),
                "no subscription to a feed Parley did not make");
    }

    @Test
    @Order(3)
    void mediaSignalsFromSomeoneWithoutAGrantGoNowhere() throws Exception {
        everyoneInTheJointRoom();
        runtime.apply(s -> s.sendToLobby(M, PB));
        awaitLog("partyB media_revoked joint revoked");

        assertFalse(relay.fromClient(sessionId, PB, new ClientSignal.PublishOffer(fakeOffer())));
        assertFalse(relay.fromClient(sessionId, PB, new ClientSignal.Candidate(0, "candidate:1", "0", 0)));
    }

    @Test
    @Order(4)
    void aSharedScreenIsASecondPublisherUnderTheSameGrantAndTheMoveCutsItWithTheCamera() throws Exception {
        everyoneInTheJointRoom();
        MediaPass joint = passes.get(PA);
        assertTrue(joint.screenFeed() != 0 && joint.screenFeed() != joint.feed());
        long room = joint.mediaRoom();

        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenOffer(fakeScreenOffer())));
        assertTrue(awaitLog("partyA media_screen_answer").contains("a=fingerprint"), "Janus answered the screen");
        assertEquals(feedsOf(M, PA, PB, joint.screenFeed()), setOf(await(server.participants(room(room)))));

        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenStop()));
        awaitParticipants(room, feedsOf(M, PA, PB));

        log.clear();
        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenOffer(fakeScreenOffer())));
        awaitLog("partyA media_screen_answer");
        awaitParticipants(room, feedsOf(M, PA, PB, joint.screenFeed()));
        CaucusId caucus = openCaucusA();
        runtime.apply(s -> s.move(M, PA, Place.caucus(caucus)));
        awaitLog("partyA media_grant caucus:" + caucus.value());
        assertEquals(feedsOf(M, PB), setOf(await(server.participants(room(room)))),
                "the move took party A's camera and screen out of the joint room");

        runtime.apply(s -> s.sendToLobby(M, PB));
        awaitLog("partyB media_revoked joint revoked");
        assertFalse(relay.fromClient(sessionId, PB, new ClientSignal.ScreenOffer(fakeScreenOffer())),
                "no screen without a grant");
        assertFalse(relay.fromClient(sessionId, PB, new ClientSignal.ScreenStop()));
    }

    @Test
    @Order(4)
    void aScreenJanusDoesNotTakeIsReportedToItsSharerAndPublishedToNobodyAndMayBeSharedAgain() throws Exception {
        everyoneInTheJointRoom();
        MediaPass joint = passes.get(PA);
        long room = joint.mediaRoom();
        log.clear();

        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenOffer("v=0\r\nnot an offer\r\n")));

        assertEquals("partyA media_screen_refused refused", awaitLog("partyA media_screen_refused"));
        assertEquals(feedsOf(M, PA, PB), setOf(await(server.participants(room(room)))), "no screen on Janus");
        assertEquals(-1, indexOf(line -> line.contains("media_subscribe")), () -> "nobody subscribed: " + log);
        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenOffer(fakeScreenOffer())));
        assertTrue(awaitLog("partyA media_screen_answer").contains("a=fingerprint"), "the next offer is taken");
        awaitParticipants(room, feedsOf(M, PA, PB, joint.screenFeed()));
    }

    @Test
    @Order(4)
    void aLateRefusalOfAnEarlierScreenOfferDoesNotEndTheScreenOfferedSince() throws Exception {
        everyoneInTheJointRoom();
        MediaPass joint = passes.get(PA);
        log.clear();

        // Both offers leave before Janus answers either: the refusal of the first arrives after the second was made.
        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenOffer("v=0\r\nnot an offer\r\n")));
        assertTrue(relay.fromClient(sessionId, PA, new ClientSignal.ScreenOffer(fakeScreenOffer())));

        assertTrue(awaitLog("partyA media_screen_answer").contains("a=fingerprint"), "the second offer is taken");
        awaitParticipants(joint.mediaRoom(), feedsOf(M, PA, PB, joint.screenFeed()));
        assertEquals(-1, indexOf(line -> line.startsWith("partyA media_screen_refused")), () -> "order was " + log);
    }

    private java.util.Set<Long> feedsOf(Object... whoOrFeed) {
        java.util.Set<Long> feeds = new java.util.HashSet<>();
        for (Object one : whoOrFeed) {
            feeds.add(one instanceof ParticipantId p ? passes.get(p).feed() : (Long) one);
        }
        return feeds;
    }

    private void awaitParticipants(long room, java.util.Set<Long> expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        java.util.Set<Long> now;
        while (!(now = setOf(await(server.participants(room(room))))).equals(expected)) {
            java.util.Set<Long> seen = now;
            assertTrue(System.nanoTime() < deadline, () -> "Janus holds " + seen + ", expected " + expected);
            Thread.sleep(50);
        }
    }

    @Test
    @Order(5)
    void afterJanusCrashesAndRestartsEveryonesMediaIsMadeAgainWithoutTheClientsAsking() throws Exception {
        everyoneInTheJointRoom();
        long oldRoom = passes.get(PA).mediaRoom();
        log.clear();

        janus.crashAndRestart(WAIT);

        for (ParticipantId p : EVERYONE) {
            awaitLog(p.value() + " media_revoked joint media_unavailable");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!await(relay.recovered())) {
            assertTrue(System.nanoTime() < deadline, "the relay never saw Janus answer again");
            Thread.sleep(100);
        }
        runtime.restoreMedia();
        for (ParticipantId p : EVERYONE) {
            awaitLog(p.value() + " media_grant joint");
        }
        for (ParticipantId p : EVERYONE) {
            assertTrue(relay.fromClient(sessionId, p, new ClientSignal.PublishOffer(fakeOffer())));
            awaitLog(p.value() + " media_answer");
        }
        long newRoom = passes.get(PA).mediaRoom();
        assertTrue(newRoom != oldRoom, "a fresh Janus room");
        assertEquals(EVERYONE.stream().map(p -> passes.get(p).feed()).collect(Collectors.toSet()),
                setOf(await(server.participants(room(newRoom)))), "Janus holds everyone again");
    }

    @Test
    @Order(6)
    void aCutJanusCannotConfirmCountsAsCutAndTheMediatorIsTold() throws Exception {
        everyoneInTheJointRoom();
        CaucusId caucus = openCaucusA();
        janus.close();
        log.clear();

        long started = System.nanoTime();
        runtime.apply(s -> s.move(M, PA, Place.caucus(caucus)));

        awaitLog("mediator MediaAlert");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("media tests: an unconfirmable cut held the move back %d ms%n", millis);
        assertTrue(log.indexOf("partyA YouAreIn") >= 0, () -> "the move happened anyway: " + log);
        assertTrue(log.indexOf("partyA YouAreIn") < log.indexOf("mediator MediaAlert"));
        // A probe queued behind the move: media steps run in order per session, so once its delivery is out, any
        // grant the move owed would have been sent already.
        runtime.apply(s -> s.postMessage(PB, SeenPlace.of(Place.joint()), "probe"));
        awaitLog("partyB MessagePosted");
        assertTrue(log.stream().noneMatch(line -> line.startsWith("partyA media_grant")),
                () -> "no new grant when the cut is unconfirmed: " + log);
    }

    // ---- fixture ----

    private void everyoneInTheJointRoom() throws InterruptedException {
        for (ParticipantId p : EVERYONE) {
            accepted(s -> s.connect(p));
            accepted(s -> s.markAttested(p));
        }
        accepted(s -> s.startSession(M));
        for (ParticipantId p : EVERYONE) {
            accepted(s -> s.admit(M, p));
        }
        for (ParticipantId p : EVERYONE) {
            awaitLog(p.value() + " media_grant joint");
        }
    }

    private CaucusId openCaucusA() {
        Decision opened = accepted(s -> s.openSideCaucus(M, Side.of("A")));
        return ((Decision.Accepted) opened).deliveries().stream().map(Delivery::event)
                .filter(Event.CaucusOpened.class::isInstance).map(e -> ((Event.CaucusOpened) e).caucusId())
                .findFirst().orElseThrow();
    }

    private Decision accepted(Function<LiveSession, Decision> command) {
        Decision decision = runtime.apply(command);
        assertTrue(decision.isAccepted(), () -> "refused: " + decision);
        return decision;
    }

    private String awaitLog(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            synchronized (log) {
                for (String line : log) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            }
            assertTrue(System.nanoTime() < deadline, () -> "never saw '" + prefix + "' in " + log);
            Thread.sleep(10);
        }
    }

    private int indexOf(java.util.function.Predicate<String> test) {
        synchronized (log) {
            return IntStream.range(0, log.size()).filter(i -> test.test(log.get(i))).findFirst().orElse(-1);
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private static MediaRoom room(long id) {
        return new MediaRoom("x", id, "unused");
    }

    private static <T> java.util.Set<T> setOf(List<T> list) {
        return java.util.Set.copyOf(list);
    }

    private static String describe(MediaSignal signal) {
        if (signal instanceof MediaSignal.Granted granted) {
            return "media_grant " + granted.room();
        }
        if (signal instanceof MediaSignal.Answer answer) {
            return "media_answer " + answer.sdp();
        }
        if (signal instanceof MediaSignal.Subscribe subscribe) {
            return "media_subscribe " + subscribe.participant() + (subscribe.screen() ? " screen" : "");
        }
        if (signal instanceof MediaSignal.ScreenAnswer answer) {
            return "media_screen_answer " + answer.sdp();
        }
        if (signal instanceof MediaSignal.ScreenRefused refused) {
            return "media_screen_refused " + refused.reason();
        }
        if (signal instanceof MediaSignal.FeedEnded ended) {
            return "media_feed_ended " + ended.feed();
        }
        if (signal instanceof MediaSignal.Revoked revoked) {
            return "media_revoked " + revoked.room() + " " + revoked.reason();
        }
        return "media_candidate";
    }

    /** An SDP offer as a browser would make it for audio: Janus answers it, though no ICE will ever complete. */
    private static String fakeOffer() {
        byte[] fingerprint = new byte[32];
        new SecureRandom().nextBytes(fingerprint);
        String hex = IntStream.range(0, fingerprint.length).mapToObj(i -> String.format("%02X", fingerprint[i]))
                .collect(Collectors.joining(":"));
        return String.join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "a=group:BUNDLE 0", "a=msid-semantic: WMS stream", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:Fq3r", "a=ice-pwd:8Yv5tUaGz7mKcQ2wLp9XbN1e",
                "a=ice-options:trickle", "a=fingerprint:sha-256 " + hex, "a=setup:actpass", "a=mid:0",
                "a=sendonly", "a=msid:stream track", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
                "a=ssrc:1001 cname:parley-test", "");
    }

    /** An SDP offer as a browser would make it for a shared screen: video only. */
    private static String fakeScreenOffer() {
        byte[] fingerprint = new byte[32];
        new SecureRandom().nextBytes(fingerprint);
        String hex = IntStream.range(0, fingerprint.length).mapToObj(i -> String.format("%02X", fingerprint[i]))
                .collect(Collectors.joining(":"));
        return String.join("\r\n", "v=0", "o=- 4611731400430051337 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
                "a=group:BUNDLE 0", "a=msid-semantic: WMS screen", "m=video 9 UDP/TLS/RTP/SAVPF 96",
                "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:Sc4r", "a=ice-pwd:2Kd8sWq7mNcT4vLp0XbR5e9a",
                "a=fingerprint:sha-256 " + hex, "a=setup:actpass", "a=mid:0", "a=sendonly",
                "a=msid:screen track", "a=rtcp-mux", "a=rtpmap:96 VP8/90000", "a=ssrc:2001 cname:parley-screen", "");
    }

    /** Keeps the pass each participant holds now, to look Janus's state up by feed. */
    private final class PassRecorder implements MediaGrants {
        private final MediaGrants inner;

        PassRecorder(MediaGrants inner) {
            this.inner = inner;
        }

        @Override
        public Uni<List<org.parley.room.domain.MediaChange.Revoke>> revoke(SessionId session,
                List<org.parley.room.domain.MediaChange.Revoke> revokes) {
            return inner.revoke(session, revokes);
        }

        @Override
        public Uni<List<MediaPass>> apply(SessionId session, List<org.parley.room.domain.MediaChange> changes) {
            return inner.apply(session, changes).invoke(made -> made.forEach(pass ->
                    passes.put(pass.grant().participant(), pass)));
        }
    }


}
