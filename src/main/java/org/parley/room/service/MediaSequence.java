package org.parley.room.service;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.parley.media.MediaGrants;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/**
 * The media changes of one session, one step after another: each step cuts a decision's revocations (giving up
 * after the cut timeout, which counts the cut as done but unconfirmed), lets the caller deliver, then applies that
 * decision's grants. Never blocks: a step waits for the one before it without holding a thread. Called only under
 * the session runtime's lock.
 */
final class MediaSequence {

    private static final Logger LOG = Logger.getLogger(MediaSequence.class);

    private final MediaGrants media;
    private final SessionId session;
    private final Duration cutTimeout;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    MediaSequence(MediaGrants media, SessionId session, Duration cutTimeout) {
        this.media = media;
        this.session = session;
        this.cutTimeout = cutTimeout;
    }

    /**
     * Queues one decision's media: cut {@code revokes}, hand the unconfirmed ones to {@code onCut} (where the
     * decision is delivered), then apply {@code afterDeliveries} without the grants of anyone {@code unconfirmed}
     * names. With a media port that answers at once, the whole step runs before this returns.
     */
    void afterCut(List<MediaChange.Revoke> revokes, Consumer<List<MediaChange.Revoke>> onCut,
            List<MediaChange> afterDeliveries, Supplier<Set<ParticipantId>> unconfirmed) {
        tail = tail.thenCompose(ignored -> cut(revokes))
                .thenAccept(onCut)
                .thenCompose(ignored -> apply(withoutGrantsOf(afterDeliveries, unconfirmed.get())))
                .exceptionally(failure -> {
                    // The next step must still run: a failure here (never a media one, those are answers) is logged.
                    LOG.errorf("session %s: media step failed: %s", session, failure.getClass().getSimpleName());
                    return null;
                });
    }

    /** Queues a fresh start: forget what the media server held for the session, then make these grants again. */
    void restore(List<MediaChange.Grant> grants) {
        tail = tail.thenCompose(ignored -> media.forget(session).onFailure().recoverWithNull()
                        .subscribeAsCompletionStage())
                .thenCompose(ignored -> apply(List.copyOf(grants)))
                .exceptionally(failure -> {
                    LOG.errorf("session %s: media restore failed: %s", session, failure.getClass().getSimpleName());
                    return null;
                });
    }

    private CompletionStage<List<MediaChange.Revoke>> cut(List<MediaChange.Revoke> revokes) {
        if (revokes.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        // A cut the media server does not confirm in time counts as done; the caller treats it as unconfirmed.
        return media.revoke(session, revokes)
                .ifNoItem().after(cutTimeout).recoverWithItem(revokes)
                .onFailure().recoverWithItem(revokes)
                .subscribeAsCompletionStage();
    }

    private CompletionStage<Void> apply(List<MediaChange> changes) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return media.apply(session, changes)
                .ifNoItem().after(cutTimeout.multipliedBy(3)).recoverWithItem(List.of())
                .onFailure().recoverWithItem(List.of())
                .replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    /** A participant whose cut was not confirmed gets no new grant in that decision: their media stays off. */
    private static List<MediaChange> withoutGrantsOf(List<MediaChange> changes, Set<ParticipantId> unconfirmed) {
        if (unconfirmed.isEmpty()) {
            return changes;
        }
        return changes.stream().filter(change -> !(change instanceof MediaChange.Grant grant
                && unconfirmed.contains(grant.participant()))).toList();
    }
}
