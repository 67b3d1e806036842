package org.parley.media.janus;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.parley.media.MediaGrants;
import org.parley.media.MediaPass;
import org.parley.media.MediaRoom;
import org.parley.media.MediaServer;
import org.parley.media.MediaServerException;
import org.parley.room.domain.Caucus;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.Room;
import org.parley.room.domain.SessionId;

/**
 * {@link MediaGrants} on a {@link MediaServer}: one media room per Parley room (created at its first grant), one
 * fresh token and publisher id per grant. A revocation removes the token first and then kicks, because a kick alone
 * is no ban; then it kicks anyone else in that room whom no current grant admits.
 */
public final class JanusMediaGrants implements MediaGrants {

    private static final Logger LOG = Logger.getLogger(JanusMediaGrants.class);
    /** Publisher ids stay below 2^53 so that every JSON parser reads them exactly. */
    private static final long MAX_FEED = 1L << 53;

    private record RoomKey(SessionId session, Room room) {
    }

    private record Held(MediaPass pass, MediaRoom room) {
    }

    private final MediaServer server;
    private final Random random;
    private final Map<RoomKey, MediaRoom> rooms = new HashMap<>();
    private final Map<MediaChange.Grant, Held> held = new HashMap<>();

    /** {@code random} must be a secure source: it makes the tokens. */
    public JanusMediaGrants(MediaServer server, Random random) {
        this.server = Objects.requireNonNull(server, "server");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Uni<List<MediaChange.Revoke>> revoke(SessionId session, List<MediaChange.Revoke> revokes) {
        // All cuts of one decision at once: a move of a whole side must not take one round trip per member.
        List<Uni<Optional<MediaChange.Revoke>>> cuts = revokes.stream().map(revoke -> cut(session, revoke)).toList();
        if (cuts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(cuts).andCollectFailures()
                .map(results -> results.stream().flatMap(Optional::stream).toList());
    }

    @Override
    public Uni<List<MediaPass>> apply(SessionId session, List<MediaChange> changes) {
        return Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> applyOne(session, change))
                .collect().asList()
                .map(passes -> passes.stream().flatMap(Optional::stream).toList());
    }

    @Override
    public Uni<Void> forget(SessionId session) {
        List<Room> rooms;
        synchronized (this) {
            rooms = this.rooms.keySet().stream().filter(key -> key.session().equals(session)).map(RoomKey::room)
                    .toList();
        }
        // Retiring destroys each room (if Janus still has it) and forgets every grant in it.
        return Multi.createFrom().iterable(rooms).onItem().transformToUniAndConcatenate(room -> retire(session, room))
                .collect().last().replaceWithVoid();
    }

    private Uni<Optional<MediaPass>> applyOne(SessionId session, MediaChange change) {
        if (change instanceof MediaChange.Grant grant) {
            return grant(session, grant);
        }
        if (change instanceof MediaChange.Retire retire) {
            return retire(session, retire.room()).replaceWith(Optional.empty());
        }
        throw new IllegalArgumentException("revocations go through revoke(): " + change);
    }

    /** Empty when the cut is confirmed; the revocation itself when the media server could not confirm it. */
    private Uni<Optional<MediaChange.Revoke>> cut(SessionId session, MediaChange.Revoke revoke) {
        MediaChange.Grant grant = new MediaChange.Grant(revoke.participant(), revoke.room(), revoke.placement());
        Held cut;
        synchronized (this) {
            cut = held.remove(grant);
        }
        if (cut == null) {
            // Never granted here (media was down, or the grant failed): nothing of it can be in the room.
            return Uni.createFrom().item(Optional.empty());
        }
        return server.disallow(cut.room(), cut.pass().token())
                .chain(() -> server.kick(cut.room(), cut.pass().feed()))
                .chain(() -> sweep(cut.room()))
                .replaceWith(Optional.<MediaChange.Revoke>empty())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("media cut of %s in %s not confirmed: %s", revoke.participant(), cut.room(),
                            describe(failure));
                    return Optional.of(revoke);
                });
    }

    /** Kicks every publisher in the room that no current grant admits (say, one joined under a made-up id). */
    private Uni<Void> sweep(MediaRoom room) {
        return server.participants(room).chain(feeds -> {
            Set<Long> admitted;
            synchronized (this) {
                // A grant admits its camera feed and its shared-screen feed.
                admitted = held.values().stream().filter(h -> h.room().equals(room))
                        .flatMap(h -> Stream.of(h.pass().feed(), h.pass().screenFeed()))
                        .collect(Collectors.toSet());
            }
            List<Uni<Boolean>> kicks = feeds.stream().filter(feed -> !admitted.contains(feed))
                    .map(feed -> server.kick(room, feed)).toList();
            return kicks.isEmpty() ? Uni.createFrom().voidItem()
                    : Uni.join().all(kicks).andFailFast().replaceWithVoid();
        });
    }

    private Uni<Optional<MediaPass>> grant(SessionId session, MediaChange.Grant grant) {
        return grantIn(session, grant).onFailure(JanusMediaGrants::roomGone).recoverWithUni(failure -> {
            // Janus restarted and lost the room: make it again, once.
            synchronized (this) {
                rooms.remove(new RoomKey(session, grant.room()));
            }
            return grantIn(session, grant);
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("media grant of %s not made: %s", grant.participant(), describe(failure));
            return Optional.empty();
        });
    }

    private Uni<Optional<MediaPass>> grantIn(SessionId session, MediaChange.Grant grant) {
        return room(session, grant.room()).chain(room -> {
            MediaPass pass = new MediaPass(grant, room.id(), newFeed(), newFeed(), newToken());
            return server.allow(room, pass.token()).map(allowed -> {
                synchronized (this) {
                    held.put(grant, new Held(pass, room));
                }
                return Optional.of(pass);
            });
        });
    }

    private static boolean roomGone(Throwable failure) {
        return failure instanceof MediaServerException refused
                && refused.serverCode() == JanusMediaServer.NO_SUCH_ROOM;
    }

    private Uni<MediaRoom> room(SessionId session, Room room) {
        RoomKey key = new RoomKey(session, room);
        synchronized (this) {
            MediaRoom existing = rooms.get(key);
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
        }
        // Grants of one session are applied one after another, so no two creations of one room race.
        return server.createRoom(roomKey(key)).map(created -> {
            synchronized (this) {
                rooms.put(key, created);
            }
            return created;
        });
    }

    private Uni<Void> retire(SessionId session, Room room) {
        MediaRoom gone;
        List<MediaChange.Grant> leftovers = new ArrayList<>();
        synchronized (this) {
            gone = rooms.remove(new RoomKey(session, room));
            held.forEach((grant, h) -> {
                if (h.room().equals(gone)) {
                    leftovers.add(grant);
                }
            });
            leftovers.forEach(held::remove);
        }
        if (gone == null) {
            return Uni.createFrom().voidItem();
        }
        return server.destroyRoom(gone).onFailure().recoverWithItem(failure -> {
            LOG.warnf("media room %s not destroyed: %s", gone, describe(failure));
            return null;
        });
    }

    private static String roomKey(RoomKey key) {
        String room = key.room() instanceof Caucus caucus ? "caucus-" + caucus.caucusId().value() : "joint";
        return key.session().value() + "/" + room;
    }

    private static String describe(Throwable failure) {
        return failure instanceof MediaServerException typed ? typed.kind() + " " + typed.getMessage()
                : failure.getClass().getSimpleName();
    }

    private long newFeed() {
        return 1 + (random.nextLong() >>> 11) % (MAX_FEED - 1);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
