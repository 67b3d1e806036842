package org.parley.media.relay;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.parley.media.ClientSignal;
import org.parley.media.MediaPass;
import org.parley.media.MediaRelay;
import org.parley.media.MediaServerException;
import org.parley.media.MediaSignal;
import org.parley.media.MediaSignals;
import org.parley.media.janus.JanusEndpoint;
import org.parley.media.turn.IceServers;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/**
 * {@link MediaRelay} over the Janus HTTP API: per granted participant, one Janus session that Parley holds (a
 * long poll for its events, keepalives), a VideoRoom publisher joined with the grant's token and publisher id, and
 * one subscriber handle per other participant publishing in the same room, joined with the publisher's private
 * id. Only feeds of participants Parley itself admitted to that room are ever subscribed to.
 */
public final class JanusRelay implements MediaRelay {

    private static final Logger LOG = Logger.getLogger(JanusRelay.class);
    /** Janus drops a session after 60 s without a request; a keepalive every 25 s keeps ours. */
    private static final long KEEPALIVE_MILLIS = 25_000;
    private static final int POLL_FAILURES_BEFORE_LOST = 3;
    private static final int REQUEST_CONNECTIONS = 32;
    /** At most this many participants hold media at once on this server (one long poll each). */
    private static final int POLL_CONNECTIONS = 1024;

    private record PeerKey(SessionId session, ParticipantId participant) {
    }

    private final JanusApi api;
    private final Vertx vertx;
    private final MediaSignals signals;
    private final Duration timeout;
    private final IceServers iceServers;
    private final Map<PeerKey, JanusPeer> peers = new ConcurrentHashMap<>();
    /** Set when Janus lost a participant's session; cleared once Janus answers again (see {@link #recovered()}). */
    private final AtomicBoolean outage = new AtomicBoolean();

    public JanusRelay(Vertx vertx, JanusEndpoint endpoint, Duration timeout, Random random, MediaSignals signals,
            IceServers iceServers) {
        // One long poll per granted participant holds a connection; requests get a pool of their own.
        WebClient requests = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(REQUEST_CONNECTIONS));
        WebClient polls = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(POLL_CONNECTIONS));
        this.api = new JanusApi(requests, polls, endpoint, timeout, random);
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.iceServers = Objects.requireNonNull(iceServers, "iceServers");
    }

    @Override
    public Uni<Void> open(SessionId session, MediaPass pass) {
        ParticipantId participant = pass.grant().participant();
        JanusPeer peer = new JanusPeer(session, pass, PlaceCodec.format(pass.grant().room()));
        JanusPeer earlier = peers.put(new PeerKey(session, participant), peer);
        if (earlier != null) {
            // Its revocation came first and closed it; this only guards against a grant that was never revoked.
            end(earlier).subscribe().with(done -> { }, failure -> { });
        }
        return api.createSession()
                .invoke(id -> {
                    peer.janusSession = id;
                    peer.keepalive = vertx.setPeriodic(KEEPALIVE_MILLIS, tick -> keepalive(peer));
                    poll(peer);
                })
                .chain(id -> api.attach(id))
                .chain(handle -> {
                    peer.publisher = handle;
                    JsonObject join = new JsonObject().put("request", "join").put("ptype", "publisher")
                            .put("room", pass.mediaRoom()).put("id", pass.feed())
                            .put("display", participant.value()).put("token", pass.token());
                    return request(peer, handle, join, null);
                })
                .invoke(joined -> {
                    JsonObject data = pluginData(joined);
                    if (!"joined".equals(data.getString("videoroom"))) {
                        throw new MediaServerException(MediaServerException.Kind.REFUSED,
                                data.getInteger("error_code", 0), "publisher join: refused by Janus");
                    }
                    peer.privateId = data.getLong("private_id", 0L);
                    if (peer.closed) {
                        return;
                    }
                    JsonArray announcedMeanwhile = peer.markJoined();
                    signals.send(session, participant, new MediaSignal.Granted(peer.room, iceServers.forGrant()));
                    subscribeToAll(peer, data.getJsonArray("publishers", new JsonArray()));
                    subscribeToAll(peer, announcedMeanwhile);
                })
                .replaceWithVoid()
                .onFailure().invoke(failure -> {
                    LOG.warnf("media relay for %s in %s not opened: %s", participant, peer.room, describe(failure));
                    peers.remove(new PeerKey(session, participant), peer);
                    end(peer).subscribe().with(done -> { }, ignored -> { });
                })
                .onItem().invoke(() -> {
                    if (peer.closed) {
                        // Revoked while it was being opened: the session it just made must not outlive the grant.
                        end(peer).subscribe().with(done -> { }, ignored -> { });
                    }
                });
    }

    @Override
    public Uni<Void> close(SessionId session, MediaChange.Revoke revoke) {
        PeerKey key = new PeerKey(session, revoke.participant());
        JanusPeer peer = peers.get(key);
        if (peer == null || !peer.pass.grant().equals(new MediaChange.Grant(revoke.participant(), revoke.room(),
                revoke.placement()))) {
            return Uni.createFrom().voidItem();
        }
        peers.remove(key, peer);
        signals.send(session, revoke.participant(), new MediaSignal.Revoked(peer.room, "revoked"));
        return end(peer);
    }

    @Override
    public boolean fromClient(SessionId session, ParticipantId participant, ClientSignal signal) {
        JanusPeer peer = peers.get(new PeerKey(session, participant));
        if (peer == null || peer.closed || !peer.joined) {
            return false;
        }
        if (signal instanceof ClientSignal.PublishOffer offer) {
            JsonObject configure = new JsonObject().put("request", "configure").put("audio", true).put("video", true);
            request(peer, peer.publisher, configure, new JsonObject().put("type", "offer").put("sdp", offer.sdp()))
                    .subscribe().with(answer -> {
                        JsonObject jsep = answer.getJsonObject("jsep");
                        if (jsep != null && !peer.closed) {
                            signals.send(session, participant, new MediaSignal.Answer(jsep.getString("sdp")));
                        }
                    }, failure -> LOG.debugf("publishing offer of %s not taken: %s", participant, describe(failure)));
            return true;
        }
        if (signal instanceof ClientSignal.ScreenOffer offer) {
            return shareScreen(peer, offer.sdp());
        }
        if (signal instanceof ClientSignal.ScreenStop) {
            return stopScreen(peer);
        }
        if (signal instanceof ClientSignal.SubscribeAnswer answer) {
            Long handle = peer.handleOf(answer.feed());
            if (handle == null) {
                return false;
            }
            request(peer, handle, new JsonObject().put("request", "start"),
                    new JsonObject().put("type", "answer").put("sdp", answer.sdp()))
                    .subscribe().with(started -> { }, failure -> LOG.debugf("subscription of %s not started: %s",
                            participant, describe(failure)));
            return true;
        }
        ClientSignal.Candidate candidate = (ClientSignal.Candidate) signal;
        Long handle = candidate.feed() == 0 ? Long.valueOf(peer.publisher) : peer.handleOf(candidate.feed());
        if (handle == null) {
            return false;
        }
        JsonObject body = candidate.candidate() == null ? new JsonObject().put("completed", true)
                : new JsonObject().put("candidate", candidate.candidate()).put("sdpMid", candidate.mid())
                        .put("sdpMLineIndex", candidate.mline());
        api.trickle(peer.janusSession, handle, body).subscribe().with(done -> { }, failure -> { });
        return true;
    }

    /**
     * Publishes the participant's screen as a second publisher in its own Janus session, with the grant's token and
     * screen feed id: destroying that session at a cut ends the screen with everything else.
     */
    private boolean shareScreen(JanusPeer peer, String sdp) {
        if (peer.pass.screenFeed() == 0) {
            return false;
        }
        ParticipantId participant = peer.pass.grant().participant();
        int turn = peer.screenTurn.incrementAndGet();
        JsonObject jsep = new JsonObject().put("type", "offer").put("sdp", sdp);
        Uni<Long> handle = peer.screen != 0 ? Uni.createFrom().item(peer.screen)
                : api.attach(peer.janusSession).invoke(attached -> peer.screen = attached);
        handle.chain(attached -> {
            JsonObject body = attached == peer.screen && peer.screenJoined
                    ? new JsonObject().put("request", "configure").put("audio", false).put("video", true)
                    : new JsonObject().put("request", "joinandconfigure").put("ptype", "publisher")
                            .put("room", peer.pass.mediaRoom()).put("id", peer.pass.screenFeed())
                            .put("display", participant.value()).put("token", peer.pass.token())
                            .put("audio", false).put("video", true);
            return request(peer, attached, body, jsep);
        }).subscribe().with(answer -> {
            JsonObject data = pluginData(answer);
            JsonObject answered = answer.getJsonObject("jsep");
            if (peer.closed) {
                return;
            }
            if (data.containsKey("error_code") || answered == null) {
                LOG.debugf("screen of %s not published: Janus error %s", participant, data.getInteger("error_code"));
                refuseScreenUnlessReplaced(peer, turn, "refused");
                return;
            }
            peer.screenJoined = true;
            signals.send(peer.session, participant, new MediaSignal.ScreenAnswer(answered.getString("sdp")));
        }, failure -> {
            LOG.debugf("screen of %s not published: %s", participant, describe(failure));
            if (!peer.closed) {
                refuseScreenUnlessReplaced(peer, turn, failure instanceof MediaServerException typed
                        && typed.kind() == MediaServerException.Kind.TIMEOUT ? "timeout" : "refused");
            }
        });
        return true;
    }

    /**
     * The screen's offer was not taken: its handle goes (Janus may still publish it after a timeout, and nobody may
     * receive a screen its sharer is told is not shared), and the client hears so rather than keep showing it shared.
     * Unless the client stopped or offered again since ({@code turn} is past): a late refusal of an earlier offer
     * must not end the screen shared now.
     */
    private void refuseScreenUnlessReplaced(JanusPeer peer, int turn, String reason) {
        if (peer.screenTurn.get() != turn) {
            return;
        }
        stopScreen(peer);
        signals.send(peer.session, peer.pass.grant().participant(), new MediaSignal.ScreenRefused(reason));
    }

    /** Ends the shared screen: Janus tells everyone subscribed to it that the feed left. */
    private boolean stopScreen(JanusPeer peer) {
        peer.screenTurn.incrementAndGet();
        long handle = peer.screen;
        peer.screen = 0;
        peer.screenJoined = false;
        if (handle != 0) {
            api.detach(peer.janusSession, handle).subscribe().with(done -> { }, failure -> { });
        }
        return true;
    }

    @Override
    public Uni<Void> forget(SessionId session) {
        List<JanusPeer> gone = peers.values().stream().filter(peer -> peer.session.equals(session)).toList();
        List<Uni<Void>> ends = gone.stream().map(peer -> {
            if (peers.remove(new PeerKey(session, peer.pass.grant().participant()), peer)) {
                signals.send(session, peer.pass.grant().participant(),
                        new MediaSignal.Revoked(peer.room, "media_unavailable"));
            }
            return end(peer).onFailure().recoverWithNull();
        }).toList();
        return ends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(ends).andCollectFailures().replaceWithVoid();
    }

    @Override
    public Uni<Boolean> recovered() {
        if (!outage.get()) {
            return Uni.createFrom().item(false);
        }
        // Janus answers again when it gives us a session; the probe's session goes at once.
        return api.createSession().chain(id -> api.destroy(id).onFailure().recoverWithNull())
                .map(ignored -> outage.compareAndSet(true, false))
                .onFailure().recoverWithItem(false);
    }

    // ---- Janus events ----

    private void poll(JanusPeer peer) {
        if (peer.closed) {
            return;
        }
        api.poll(peer.janusSession).subscribe().with(events -> {
            peer.pollFailures = 0;
            for (Object event : events) {
                try {
                    onEvent(peer, (JsonObject) event);
                } catch (RuntimeException e) {
                    LOG.debugf("Janus event not understood: %s", e.getClass().getSimpleName());
                }
            }
            poll(peer);
        }, failure -> {
            if (peer.closed) {
                return;
            }
            boolean gone = failure instanceof MediaServerException refused
                    && refused.serverCode() == JanusApi.NO_SUCH_SESSION;
            if (gone || ++peer.pollFailures >= POLL_FAILURES_BEFORE_LOST) {
                lost(peer);
            } else {
                vertx.setTimer(500, tick -> poll(peer));
            }
        });
    }

    /** The media server lost the participant's session (it restarted, say): their media has ended. */
    private void lost(JanusPeer peer) {
        outage.set(true);
        LOG.warnf("media relay lost Janus for %s in %s", peer.pass.grant().participant(), peer.room);
        if (peers.remove(new PeerKey(peer.session, peer.pass.grant().participant()), peer)) {
            signals.send(peer.session, peer.pass.grant().participant(),
                    new MediaSignal.Revoked(peer.room, "media_unavailable"));
        }
        peer.closed = true;
        vertx.cancelTimer(peer.keepalive);
    }

    private void onEvent(JanusPeer peer, JsonObject event) {
        String transaction = event.getString("transaction");
        CompletableFuture<JsonObject> waiting = transaction == null ? null : peer.waiting.remove(transaction);
        if (waiting != null) {
            waiting.complete(event);
        }
        Long sender = event.getLong("sender");
        if (sender == null || peer.closed) {
            return;
        }
        String kind = event.getString("janus", "");
        boolean fromPublisher = sender == peer.publisher;
        Long feed = fromPublisher ? Long.valueOf(0) : peer.feedOf(sender);
        if (feed == null) {
            return;
        }
        switch (kind) {
            case "trickle" -> {
                JsonObject candidate = event.getJsonObject("candidate", new JsonObject());
                signals.send(peer.session, peer.pass.grant().participant(), candidate.getBoolean("completed", false)
                        ? new MediaSignal.Candidate(feed, null, null, null)
                        : new MediaSignal.Candidate(feed, candidate.getString("candidate"),
                                candidate.getString("sdpMid"), candidate.getInteger("sdpMLineIndex")));
            }
            case "hangup", "detached" -> {
                if (!fromPublisher) {
                    endSubscription(peer, feed);
                }
            }
            case "event" -> {
                if (fromPublisher) {
                    onPublisherEvent(peer, pluginData(event));
                }
            }
            default -> {
                // webrtcup, media, slowlink, ack: nothing to relay.
            }
        }
    }

    private void onPublisherEvent(JanusPeer peer, JsonObject data) {
        JsonArray publishers = data.getJsonArray("publishers");
        // The publishers listed in "joined" are subscribed to by open(), once the private id they need is known;
        // announcements before that wait for it (subscribing without it, Janus would refuse).
        if (publishers != null && !"joined".equals(data.getString("videoroom")) && !peer.holdUntilJoined(publishers)) {
            subscribeToAll(peer, publishers);
        }
        for (String gone : new String[] {"unpublished", "leaving", "kicked"}) {
            Object feed = data.getValue(gone);
            if (feed instanceof Number number) {
                endSubscription(peer, number.longValue());
            }
        }
    }

    private void subscribeToAll(JanusPeer peer, JsonArray publishers) {
        for (Object entry : publishers) {
            Long feed = ((JsonObject) entry).getLong("id");
            if (feed != null) {
                subscribe(peer, feed);
            }
        }
    }

    /** Subscribes the peer to a feed, if the feed is another participant Parley admitted to the same room now. */
    private void subscribe(JanusPeer peer, long feed) {
        subscribe(peer, feed, 0);
    }

    /**
     * One attempt at a subscription; {@code failures} earlier attempts failed. A failed attempt (a timeout, or
     * Janus answering without an offer) is retried by {@link RetrySchedule#SUBSCRIPTIONS}, each time only if the
     * feed is still admitted to the same room and the peer still holds its grant.
     */
    private void subscribe(JanusPeer peer, long feed, int failures) {
        if (peer.closed) {
            return;
        }
        Optional<JanusPeer> publisher = peers.values().stream()
                .filter(other -> other != peer && !other.closed && other.session.equals(peer.session)
                        && other.pass.mediaRoom() == peer.pass.mediaRoom()
                        && (other.pass.feed() == feed || other.pass.screenFeed() == feed))
                .findFirst();
        if (publisher.isEmpty() || !peer.startSubscribing(feed)) {
            // A feed nobody was granted (or not in this room) is never subscribed to.
            return;
        }
        String publisherId = publisher.get().pass.grant().participant().value();
        boolean screen = publisher.get().pass.screenFeed() == feed;
        api.attach(peer.janusSession)
                .chain(handle -> {
                    peer.subscribed(feed, handle);
                    JsonObject join = new JsonObject().put("request", "join").put("ptype", "subscriber")
                            .put("room", peer.pass.mediaRoom()).put("private_id", peer.privateId)
                            .put("streams", new JsonArray().add(new JsonObject().put("feed", feed)));
                    return request(peer, handle, join, null);
                })
                .invoke(attached -> {
                    if (attached.getJsonObject("jsep") == null && !peer.closed) {
                        throw new MediaServerException(MediaServerException.Kind.REFUSED,
                                pluginData(attached).getInteger("error_code", 0), "subscriber join: no offer");
                    }
                })
                .subscribe().with(attached -> {
                    if (peer.closed) {
                        return;
                    }
                    signals.send(peer.session, peer.pass.grant().participant(),
                            new MediaSignal.Subscribe(feed, publisherId, attached.getJsonObject("jsep").getString("sdp"), screen));
                }, failure -> {
                    Long handle = peer.unsubscribed(feed);
                    if (handle != null) {
                        api.detach(peer.janusSession, handle).subscribe().with(done -> { }, ignored -> { });
                    }
                    Optional<Duration> retry = RetrySchedule.SUBSCRIPTIONS.delayAfter(failures + 1);
                    if (retry.isEmpty() || peer.closed) {
                        LOG.warnf("subscription of %s to a feed not made after %d attempts: %s",
                                peer.pass.grant().participant(), failures + 1, describe(failure));
                        return;
                    }
                    LOG.debugf("subscription of %s to a feed failed (%s); retrying in %d ms",
                            peer.pass.grant().participant(), describe(failure), retry.get().toMillis());
                    vertx.setTimer(retry.get().toMillis(), tick -> subscribe(peer, feed, failures + 1));
                });
    }

    private void endSubscription(JanusPeer peer, long feed) {
        Long handle = peer.unsubscribed(feed);
        if (handle == null) {
            return;
        }
        signals.send(peer.session, peer.pass.grant().participant(), new MediaSignal.FeedEnded(feed));
        api.detach(peer.janusSession, handle).subscribe().with(done -> { }, failure -> { });
    }

    // ---- plumbing ----

    /** A plugin message and the event that answers it (matched by transaction), within the request timeout. */
    private Uni<JsonObject> request(JanusPeer peer, long handle, JsonObject body, JsonObject jsep) {
        String transaction = api.newTransaction();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        peer.waiting.put(transaction, answer);
        return api.message(peer.janusSession, handle, transaction, body, jsep)
                .chain(() -> Uni.createFrom().completionStage(answer))
                .ifNoItem().after(timeout).failWith(() -> new MediaServerException(MediaServerException.Kind.TIMEOUT,
                        "no event from Janus in time"))
                .onTermination().invoke(() -> peer.waiting.remove(transaction));
    }

    private void keepalive(JanusPeer peer) {
        if (!peer.closed) {
            api.keepalive(peer.janusSession).subscribe().with(done -> { }, failure -> { });
        }
    }

    /** Closes a peer: its Janus session goes, and with it the publisher and every subscription. */
    private Uni<Void> end(JanusPeer peer) {
        peer.closed = true;
        vertx.cancelTimer(peer.keepalive);
        peer.waiting.values().forEach(waiting -> waiting.cancel(false));
        return destroy(peer);
    }

    private Uni<Void> destroy(JanusPeer peer) {
        if (peer.janusSession == 0) {
            // Not created yet: open() destroys it as soon as it is, seeing the peer closed.
            return Uni.createFrom().voidItem();
        }
        return api.destroy(peer.janusSession).onFailure(failure -> failure instanceof MediaServerException refused
                && refused.serverCode() == JanusApi.NO_SUCH_SESSION).recoverWithNull().replaceWithVoid();
    }

    private static JsonObject pluginData(JsonObject event) {
        return event.getJsonObject("plugindata", new JsonObject()).getJsonObject("data", new JsonObject());
    }

    private static String describe(Throwable failure) {
        return failure instanceof MediaServerException typed ? typed.kind() + " " + typed.getMessage()
                : failure.getClass().getSimpleName();
    }
}
