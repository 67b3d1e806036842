package org.parley.room.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.parley.room.domain.Delivery;
import org.parley.room.domain.Event;

/**
 * Every participant's {@link ParticipantStream} in this server, by session and participant: numbering and keeping
 * each frame the live session addresses to a participant, sending it to the participant's current connection (its
 * {@link Outlet}), and, when a client reconnects asking to resume, replaying what it missed and shaping its arrival
 * (see {@link ResumedArrival}). Plain Java, so that its behaviour can be driven without sockets; the room connections
 * adapt it to WebSocket connections.
 */
final class ParticipantStreams {

    /** Where one connection's frames go, in order; the room connections count its bytes and write them. */
    interface Outlet {
        void send(String frame);
    }

    private record Key(String session, String participant) {
    }

    /**
     * An event's body as sent now, and as the resume buffers keep it. A message's body is most of the bytes those
     * buffers hold (a busy room's last 512 frames, seconds to minutes old), so it is kept as its event, whose item
     * the session's history holds anyway, and encoded again only if it is replayed: the same immutable view makes
     * the same text. Other events are far fewer, and not every one is known to encode the same later; their text
     * is kept.
     */
    private record Encoded(String sent, ParticipantStream.Body kept) {

        static Encoded of(Event event, FrameEncoder encoder) {
            String sent = encoder.body(event, null);
            return event instanceof Event.MessagePosted ? new Encoded(sent, new ReEncoded(event, encoder))
                    : asText(sent);
        }

        static Encoded asText(String sent) {
            return new Encoded(sent, new ParticipantStream.SentText(sent));
        }
    }

    /** A body made again from its event when its frame is replayed. */
    private record ReEncoded(Event event, FrameEncoder encoder) implements ParticipantStream.Body {
        @Override
        public String text() {
            return encoder.body(event, null);
        }
    }

    private final Map<Key, ParticipantStream> streams = new ConcurrentHashMap<>();
    /**
     * The last number of each stream that went with its window, until the session ends: a new stream of the same
     * participant numbers on from there, so that a client holding a cursor of the old stream is never taken for one
     * that read the new stream's frames (one long per participant).
     */
    private final Map<Key, Long> numberedUpTo = new ConcurrentHashMap<>();
    private final FrameEncoder encoder;
    private final Duration window;
    private final int maxFrames;
    private final long maxBytes;
    private final LongSupplier firstSeqs;

    /**
     * @param firstSeqs where a participant's first stream in this server starts numbering: random in production, so
     *                  that a cursor from before a restart is almost never one the new stream covers (a later stream
     *                  of the same participant numbers on from the one before it)
     */
    ParticipantStreams(FrameEncoder encoder, Duration window, int maxFrames, long maxBytes, LongSupplier firstSeqs) {
        this.firstSeqs = firstSeqs;
        this.encoder = encoder;
        this.window = window;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /**
     * Makes {@code outlet} the participant's current connection and answers its stream. With {@code resumeFrom} (the
     * last number the client read), the frames after it are sent to the outlet first, in order, when the stream still
     * holds them all; otherwise the arrival that follows says {@code not_possible}. A stream whose connection ended
     * longer than the window ago is replaced by a new one, numbered from 1. The stream is locked throughout, so no
     * frame of a concurrent decision slips in between the replay and what follows it; {@code whileLocked} runs under
     * the same lock (the caller's own bookkeeping of the connection).
     */
    ParticipantStream attach(String session, String participant, Outlet outlet, Long resumeFrom, Instant now,
            Consumer<ParticipantStream> whileLocked) {
        boolean[] fresh = {false};
        ParticipantStream stream = streams.compute(new Key(session, participant), (key, existing) -> {
            if (existing != null && !existing.idleSince(now.minus(window))) {
                return existing;
            }
            fresh[0] = true;
            if (existing != null) {
                numberedUpTo.merge(key, existing.lastSeq(), Math::max);
            }
            Long before = numberedUpTo.get(key);
            return new ParticipantStream(maxFrames, maxBytes, before == null ? firstSeqs.getAsLong() : before + 1);
        });
        synchronized (stream) {
            whileLocked.accept(stream);
            stream.attached(outlet);
            if (resumeFrom == null) {
                stream.endResume();
            } else if (!fresh[0] && stream.covers(resumeFrom)) {
                stream.after(resumeFrom).forEach(frame -> outlet.send(frame.text()));
                stream.beginResume(ParticipantStream.Resume.REPLAYED);
            } else {
                stream.beginResume(ParticipantStream.Resume.NOT_POSSIBLE);
            }
            return stream;
        }
    }

    /** The connection behind {@code outlet} ended; if it was the current one the window starts now. */
    void detach(ParticipantStream stream, Outlet outlet, Instant now) {
        synchronized (stream) {
            stream.detached(outlet, now);
        }
    }

    /**
     * Numbers, keeps and sends each delivery to its recipient's current connection. A recipient with a stream but no
     * connection at this moment (its connection just ended) still has the frame numbered and kept, for a resume; one
     * without a stream gets nothing.
     */
    void deliver(String session, List<Delivery> deliveries) {
        Map<ParticipantStream, Boolean> arriving = new IdentityHashMap<>();
        // Recipients of equal events (everyone in a room hears one message, and sees the same presence there) share
        // one body: encoded once, and kept once in all their resume buffers instead of once in each.
        Map<Event, Encoded> bodies = new HashMap<>();
        for (Delivery delivery : deliveries) {
            ParticipantStream stream = streams.get(new Key(session, delivery.recipient().value()));
            if (stream == null) {
                continue;
            }
            synchronized (stream) {
                Event event = delivery.event();
                if (event instanceof Event.Joined && stream.pendingResume() != null) {
                    arriving.put(stream, Boolean.TRUE);
                }
                String resume = null;
                if (arriving.containsKey(stream)) {
                    ResumedArrival shaped = ResumedArrival.shape(stream, event, encoder);
                    if (shaped == null) {
                        continue;
                    }
                    event = shaped.event();
                    resume = shaped.resume();
                }
                long seq = stream.next();
                ResumedArrival.recordSent(stream, delivery.event(), encoder);
                Encoded body = resume == null ? bodies.computeIfAbsent(event, shared -> Encoded.of(shared, encoder))
                        : Encoded.asText(encoder.body(event, resume));
                stream.keep(seq, body.kept(), body.sent());
                stream.sendToCurrent(FrameText.numbered(seq, body.sent()));
            }
        }
        // A reconnect's arrival is one decision, delivered in one call: what follows it is ordinary again.
        arriving.keySet().forEach(stream -> {
            synchronized (stream) {
                stream.endResume();
            }
        });
    }

    /** A frame for the participant's current connection, numbered; kept for a replay when {@code keep}. */
    void sendToCurrent(String session, String participant, LongFunction<String> frame, boolean keep) {
        ParticipantStream stream = streams.get(new Key(session, participant));
        if (stream == null) {
            return;
        }
        synchronized (stream) {
            if (!keep && !stream.hasCurrent()) {
                return;
            }
            long seq = stream.next();
            String text = frame.apply(seq);
            if (keep) {
                stream.keep(seq, FrameText.body(text));
            }
            stream.sendToCurrent(text);
        }
    }

    /** A frame answering one connection (a pong, an error), sent to that connection; kept when {@code keep}. */
    void reply(ParticipantStream stream, Outlet outlet, LongFunction<String> frame, boolean keep) {
        synchronized (stream) {
            long seq = stream.next();
            String text = frame.apply(seq);
            if (keep) {
                stream.keep(seq, FrameText.body(text));
            }
            outlet.send(text);
        }
    }

    /** Forgets the streams whose connection ended before the window reaching back from {@code now}. */
    void expire(Instant now) {
        Instant cutoff = now.minus(window);
        streams.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                if (!entry.getValue().idleSince(cutoff)) {
                    return false;
                }
                numberedUpTo.merge(entry.getKey(), entry.getValue().lastSeq(), Math::max);
                return true;
            }
        });
    }

    void forgetSession(String session) {
        streams.keySet().removeIf(key -> key.session().equals(session));
        numberedUpTo.keySet().removeIf(key -> key.session().equals(session));
    }

    /** How many streams of this session are held now. */
    int held(String session) {
        return (int) streams.keySet().stream().filter(key -> key.session().equals(session)).count();
    }
}
