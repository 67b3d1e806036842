package org.parley.media;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.SessionId;

/**
 * Media grants with their signaling relayed: a grant is made on the media server and then opened by the relay;
 * a cut closes the relay's side (the participant's publisher and subscriptions) together with the server-side
 * revocation, and counts as confirmed only when both are.
 */
public final class RelayedMediaGrants implements MediaGrants {

    private final MediaGrants grants;
    private final MediaRelay relay;
    private final Consumer<Duration> cutTimes;

    public RelayedMediaGrants(MediaGrants grants, MediaRelay relay) {
        this(grants, relay, cut -> { });
    }

    /** @param cutTimes told how long each cut took, from its start until both halves were confirmed or given up */
    public RelayedMediaGrants(MediaGrants grants, MediaRelay relay, Consumer<Duration> cutTimes) {
        this.grants = grants;
        this.relay = relay;
        this.cutTimes = cutTimes;
    }

    @Override
    public Uni<List<MediaChange.Revoke>> revoke(SessionId session, List<MediaChange.Revoke> revokes) {
        if (revokes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Optional<MediaChange.Revoke>>> closes = revokes.stream()
                .map(revoke -> relay.close(session, revoke).replaceWith(Optional.<MediaChange.Revoke>empty())
                        .onFailure().recoverWithItem(Optional.of(revoke)))
                .toList();
        Uni<List<MediaChange.Revoke>> relayed = Uni.join().all(closes).andCollectFailures()
                .map(results -> results.stream().flatMap(Optional::stream).toList());
        long started = System.nanoTime();
        // Both at once: the cut is what delays the move, so its two halves must not add up.
        return Uni.combine().all().unis(relayed, grants.revoke(session, revokes)).asTuple().map(both -> {
            cutTimes.accept(Duration.ofNanos(System.nanoTime() - started));
            Set<MediaChange.Revoke> unconfirmed = new LinkedHashSet<>(both.getItem1());
            unconfirmed.addAll(both.getItem2());
            return List.copyOf(unconfirmed);
        });
    }

    @Override
    public Uni<Void> forget(SessionId session) {
        return relay.forget(session).onFailure().recoverWithNull().chain(() -> grants.forget(session));
    }

    @Override
    public Uni<List<MediaPass>> apply(SessionId session, List<MediaChange> changes) {
        return grants.apply(session, changes).chain(passes -> Multi.createFrom().iterable(passes)
                .onItem().transformToUniAndConcatenate(pass -> relay.open(session, pass)
                        .onFailure().recoverWithNull().replaceWith(pass))
                .collect().asList());
    }
}
