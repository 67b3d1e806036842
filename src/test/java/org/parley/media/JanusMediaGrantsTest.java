package org.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.media.embedded.EmbeddedJanus;
import org.parley.media.janus.JanusMediaGrants;
import org.parley.media.janus.JanusMediaServer;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Fact;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.Side;
import org.parley.testing.MutableClock;

/**
 * The room core's media decisions applied to a real Janus through {@link JanusMediaGrants}, each participant's
 * browser joining with its pass: after every decision, Janus holds exactly the people the rule allows.
 */
class JanusMediaGrantsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ParticipantId M = ParticipantId.of("mediator");
    private static final ParticipantId PA = ParticipantId.of("partyA");
    private static final ParticipantId CA = ParticipantId.of("counselA");
    private static final ParticipantId PB = ParticipantId.of("partyB");
    private static final ParticipantId CB = ParticipantId.of("counselB");
    private static final List<ParticipantId> EVERYONE = List.of(M, PA, CA, PB, CB);

    private static EmbeddedJanus janus;
    private static Vertx vertx;
    private static JanusMediaServer server;

    private final SessionId sessionId = new SessionId("session-" + System.nanoTime());
    private JanusMediaGrants grants;
    private LiveSession session;
    /** The pass each participant's client holds now, and the browser it joined with. */
    private final Map<ParticipantId, MediaPass> passes = new HashMap<>();
    private final List<HostileJanusClient> browsers = new ArrayList<>();

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

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HostileJanusClient::close);
    }

    @Test
    void janusHoldsExactlyWhomTheRuleAllowsThroughMovesAndTheEnd() throws IOException {
        startSessionWithEveryoneInTheJointRoom();
        MediaPass oldPassOfPartyA = passes.get(PA);
        assertInRoom(oldPassOfPartyA.mediaRoom(), M, PA, CA, PB, CB);

        var opened = apply(session.openSideCaucus(M, Side.of("A")));
        var caucus = opened.facts().stream().filter(Fact.CaucusOpened.class::isInstance)
                .map(f -> ((Fact.CaucusOpened) f).caucusId()).findFirst().orElseThrow();
        apply(session.moveSide(M, Side.of("A"), Place.caucus(caucus)));
        apply(session.goTo(M, Place.caucus(caucus)));

        long joint = passes.get(PB).mediaRoom();
        long caucusRoom = passes.get(PA).mediaRoom();
        assertInRoom(joint, PB, CB);
        assertInRoom(caucusRoom, M, PA, CA);
        // The old pass is dead for good, even to a fresh browser that never joined before.
        assertEquals(433, errorCode(browser().joinAsPublisher(joint, oldPassOfPartyA.token())));

        apply(session.sendToLobby(M, CB));
        assertInRoom(joint, PB);
        apply(session.reportPrivacyBreach(CA));
        assertInRoom(caucusRoom, M, PA);

        MediaPass lastOfPartyB = passes.get(PB);
        MediaPass lastOfPartyA = passes.get(PA);
        apply(session.endSession(M));
        assertEquals(Map.of(), passes);
        assertEquals(426, errorCode(browser().joinAsPublisher(joint, lastOfPartyB.token())));
        assertEquals(426, errorCode(browser().joinAsPublisher(caucusRoom, lastOfPartyA.token())));
    }

    @Test
    void aRevocationAlsoKicksPublishersThatNoGrantAdmits() throws IOException {
        startSessionWithEveryoneInTheJointRoom();
        MediaPass pass = passes.get(PB);
        // The same token joined a second time, under an id of the browser's choosing.
        long madeUp = 4242;
        assertEquals("joined", browser().joinAsPublisher(pass.mediaRoom(), pass.token(), madeUp)
                .getString("videoroom"));

        apply(session.sendToLobby(M, PB));

        List<Long> left = await(server.participants(new MediaRoom("x", pass.mediaRoom(), "unused")));
        assertFalse(left.contains(madeUp), "a publisher under a made-up id survived the revocation");
        assertInRoom(pass.mediaRoom(), M, PA, CA, CB);
    }

    @Test
    void aCutTheMediaServerCannotConfirmIsReportedNotThrown() {
        MediaChange.Grant grant = new MediaChange.Grant(PA, Place.joint(), 1);
        JanusMediaGrants failing = new JanusMediaGrants(new UnreachableAfterGrant(), new SecureRandom());
        List<MediaPass> made = await(failing.apply(sessionId, List.of(grant)));
        assertEquals(1, made.size());

        List<MediaChange.Revoke> unconfirmed = await(failing.revoke(sessionId, List.of(grant.revoke())));

        assertEquals(List.of(grant.revoke()), unconfirmed);
        assertEquals(List.of(), await(failing.revoke(sessionId, List.of(grant.revoke()))),
                "a cut reported once is not reported again");
    }

    @Test
    void noMediaGrantsNothingAndConfirmsEveryCut() {
        MediaGrants off = new NoMediaGrants();
        MediaChange.Grant grant = new MediaChange.Grant(PA, Place.joint(), 1);
        assertEquals(List.of(), await(off.apply(sessionId, List.of(grant))));
        assertEquals(List.of(), await(off.revoke(sessionId, List.of(grant.revoke()))));
    }

    @Test
    void aPassNeverPrintsItsToken() {
        MediaPass pass = new MediaPass(new MediaChange.Grant(PA, Place.joint(), 1), 7, 8, "secret-token");
        assertFalse(pass.toString().contains("secret-token"));
        assertFalse(new MediaRoom("k", 7, "room-secret").toString().contains("room-secret"));
    }

    private void startSessionWithEveryoneInTheJointRoom() throws IOException {
        grants = new JanusMediaGrants(server, new SecureRandom());
        session = new LiveSession(sessionId, List.of(Participant.mediator(M.value(), "Mediator"),
                Participant.party(PA.value(), "Party A", "A"), Participant.counsel(CA.value(), "Counsel A", "A"),
                Participant.party(PB.value(), "Party B", "B"), Participant.counsel(CB.value(), "Counsel B", "B")),
                new MutableClock(Instant.parse("2025-03-01T10:00:00Z")), IdSource.sequential("id-"));
        for (ParticipantId p : EVERYONE) {
            apply(session.connect(p));
            apply(session.markAttested(p));
        }
        apply(session.startSession(M));
        for (ParticipantId p : EVERYONE) {
            apply(session.admit(M, p));
        }
    }

    /**
     * Does what the session runtime will: cuts first (all confirmed here), then grants; each new pass is used at
     * once by a fresh browser of its participant, as the client would after its arrival frame.
     */
    private Decision.Accepted apply(Decision decision) throws IOException {
        Decision.Accepted accepted = assertInstanceOf(Decision.Accepted.class, decision);
        assertEquals(List.of(), await(grants.revoke(sessionId, accepted.mediaRevokes())), "unconfirmed cuts");
        accepted.mediaRevokes().forEach(revoke -> passes.remove(revoke.participant()));
        for (MediaPass pass : await(grants.apply(sessionId, accepted.mediaAfterDeliveries()))) {
            JsonObject joined = browser().joinAsPublisher(pass.mediaRoom(), pass.token(), pass.feed());
            assertEquals("joined", joined.getString("videoroom"), joined::encode);
            passes.put(pass.grant().participant(), pass);
        }
        assertEquals(Set.copyOf(session.mediaGrants()),
                passes.values().stream().map(MediaPass::grant).collect(Collectors.toSet()));
        return accepted;
    }

    private void assertInRoom(long mediaRoom, ParticipantId... expected) {
        Set<Long> feeds = List.of(expected).stream().map(p -> passes.get(p).feed()).collect(Collectors.toSet());
        List<Long> actual = await(server.participants(new MediaRoom("x", mediaRoom, "unused")));
        assertEquals(feeds, Set.copyOf(actual), "publishers in media room " + mediaRoom);
        assertEquals(feeds.size(), actual.size());
    }

    private HostileJanusClient browser() throws IOException {
        HostileJanusClient browser = new HostileJanusClient(janus.endpoint().api(), janus.endpoint().apiSecret());
        browsers.add(browser);
        return browser;
    }

    private static int errorCode(JsonObject pluginData) {
        return pluginData.getInteger("error_code", 0);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    /** Creates and allows, then loses the connection: every later request fails as unreachable. */
    private static final class UnreachableAfterGrant implements MediaServer {
        private static MediaServerException down() {
            return new MediaServerException(MediaServerException.Kind.UNREACHABLE, "janus is unreachable");
        }

        @Override
        public Uni<MediaRoom> createRoom(String roomKey) {
            return Uni.createFrom().item(new MediaRoom(roomKey, 1, "s"));
        }

        @Override
        public Uni<Void> allow(MediaRoom room, String token) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> disallow(MediaRoom room, String token) {
            return Uni.createFrom().failure(down());
        }

        @Override
        public Uni<Boolean> kick(MediaRoom room, long feed) {
            return Uni.createFrom().failure(down());
        }

        @Override
        public Uni<List<Long>> participants(MediaRoom room) {
            return Uni.createFrom().failure(down());
        }

        @Override
        public Uni<Void> destroyRoom(MediaRoom room) {
            fail("not expected");
            return null;
        }
    }
}
