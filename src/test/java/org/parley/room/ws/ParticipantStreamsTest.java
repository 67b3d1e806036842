package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.Event;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ItemView;
import org.parley.room.domain.JointRoom;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;

/** Numbering across streams and the answers to a resume, without sockets. */
class ParticipantStreamsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final ParticipantId ALEX = ParticipantId.of("p-alex");

    private final ParticipantStreams streams = new ParticipantStreams(new FrameEncoder(JSON), WINDOW, 100, 100_000,
            () -> 1);
    private final List<JsonNode> received = new ArrayList<>();
    private final ParticipantStreams.Outlet outlet = frame -> received.add(parse(frame));

    private void deliver(int count) {
        for (int i = 0; i < count; i++) {
            streams.deliver("s-1", List.of(new Delivery(ALEX, new Event.SessionStarted(T0))));
        }
    }

    private void connect(Long resumeFrom) {
        streams.attach("s-1", ALEX.value(), outlet, resumeFrom, T0, stream -> {
        });
        streams.deliver("s-1", List.of(new Delivery(ALEX, new Event.Joined(new SessionId("s-1"), ALEX,
                SessionPhase.LIVE))));
    }

    @Test
    void aStreamThatReplacesAnExpiredOneNumbersOnFromIt() {
        ParticipantStream first = streams.attach("s-1", ALEX.value(), outlet, null, T0, stream -> {
        });
        deliver(5);
        streams.detach(first, outlet, T0);
        streams.expire(T0.plus(WINDOW).plusSeconds(1));

        received.clear();
        connect(3L);
        assertEquals(6, received.get(0).path("seq").asLong(), "numbered on from the expired stream's last frame");
        assertEquals("joined", received.get(0).path("type").asText(), "and nothing replayed: the old frames are gone");
    }

    @Test
    void aCursorAtTheEndOfAnExpiredStreamReplaysTheNewStreamFromItsStart() {
        ParticipantStream first = streams.attach("s-1", ALEX.value(), outlet, null, T0, stream -> {
        });
        deliver(5);
        streams.detach(first, outlet, T0);
        streams.expire(T0.plus(WINDOW).plusSeconds(1));
        ParticipantStreams.Outlet lost = frame -> { };
        ParticipantStream second = streams.attach("s-1", ALEX.value(), lost, 5L, T0, stream -> {
        });
        streams.deliver("s-1", List.of(new Delivery(ALEX, new Event.Joined(new SessionId("s-1"), ALEX,
                SessionPhase.LIVE))));
        streams.detach(second, lost, T0);

        // The client read up to 5 of the old stream and nothing of the new one: it is sent the new one's start.
        received.clear();
        streams.attach("s-1", ALEX.value(), outlet, 5L, T0, stream -> {
        });
        assertEquals(6, received.get(0).path("seq").asLong());
        assertEquals("joined", received.get(0).path("type").asText());
    }

    @Test
    void theEndOfTheSessionForgetsItsStreamsAndTheirNumbering() {
        streams.attach("s-1", ALEX.value(), outlet, null, T0, stream -> {
        });
        deliver(2);
        assertEquals(1, streams.held("s-1"));
        streams.forgetSession("s-1");
        assertEquals(0, streams.held("s-1"));
        received.clear();
        connect(2L);
        assertEquals(1, received.get(0).path("seq").asLong(), "a new first stream takes a new starting number");
        assertTrue(received.stream().noneMatch(frame -> frame.path("type").asText().equals("session_started")));
    }

    @Test
    void recipientsOfOneEventShareItsKeptTextAndEachIsSentItsOwnNumber() {
        ParticipantId sam = ParticipantId.of("p-sam");
        List<JsonNode> samReceived = new ArrayList<>();
        ParticipantStream alexStream = streams.attach("s-1", ALEX.value(), outlet, null, T0, stream -> {
        });
        deliver(2); // Alex's numbering runs ahead of Sam's
        ParticipantStream samStream = streams.attach("s-1", sam.value(), frame -> samReceived.add(parse(frame)),
                null, T0, stream -> {
                });
        received.clear();

        Event started = new Event.SessionStarted(T0.plusSeconds(5));
        streams.deliver("s-1", List.of(new Delivery(ALEX, started), new Delivery(sam, started)));

        assertEquals(3, received.get(0).path("seq").asLong());
        assertEquals(1, samReceived.get(0).path("seq").asLong());
        assertEquals(received.get(0).path("at"), samReceived.get(0).path("at"));
        ParticipantStream.Buffered alexKept = alexStream.after(2).get(0);
        ParticipantStream.Buffered samKept = samStream.after(0).get(0);
        assertSame(alexKept.body(), samKept.body(), "one text kept for both recipients");
        assertEquals(received.get(0), parse(alexKept.text()));
        assertEquals(samReceived.get(0), parse(samKept.text()));
    }

    @Test
    void aReplayedMessageIsExactlyTheFrameThatWasSentAndCountsItsBytesAsSent() {
        List<String> sent = new ArrayList<>();
        ParticipantStreams.Outlet connection = sent::add;
        ParticipantStream first = streams.attach("s-1", ALEX.value(), connection, null, T0, stream -> {
        });
        ItemView said = new ItemView(new ItemId("i-1"), new JointRoom(), ALEX, "Le délai « raisonnable » — 30 jours",
                T0, Optional.empty());
        streams.deliver("s-1", List.of(new Delivery(ALEX, new Event.MessagePosted(said))));
        String message = sent.get(0);
        assertEquals(message.getBytes(StandardCharsets.UTF_8).length, first.bufferedBytes());

        streams.detach(first, connection, T0);
        List<String> replayed = new ArrayList<>();
        streams.attach("s-1", ALEX.value(), replayed::add, 0L, T0.plusSeconds(1), stream -> {
        });

        assertEquals(List.of(message), replayed);
    }

    private static JsonNode parse(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
