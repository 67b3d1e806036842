package org.parley.platform.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The count of writes a stopping server waits for: from subscription to termination, success or failure. */
class PendingWritesTest {

    private final PendingWrites pending = new PendingWrites();

    @Test
    void aWriteCountsFromItsSubscriptionUntilItEnds() {
        CompletableFuture<String> commit = new CompletableFuture<>();
        Uni<String> write = pending.track(Uni.createFrom().completionStage(commit));
        assertEquals(0, pending.underWay(), "not yet subscribed");
        write.subscribe().with(done -> {
        });
        assertEquals(1, pending.underWay());
        commit.complete("ok");
        assertEquals(0, pending.underWay());
    }

    @Test
    void aFailedWriteStopsCountingToo() {
        pending.track(Uni.createFrom().failure(new IllegalStateException("database gone")))
                .subscribe().with(done -> {
                }, failure -> {
                });
        assertEquals(0, pending.underWay());
    }

    @Test
    void awaitingReturnsOnceTheLastWriteEnded() throws Exception {
        CompletableFuture<String> commit = new CompletableFuture<>();
        pending.track(Uni.createFrom().completionStage(commit)).subscribe().with(done -> {
        });
        CompletableFuture<Integer> left = CompletableFuture.supplyAsync(() -> {
            try {
                return pending.awaitNone(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(!left.isDone() || left.get() == 1, "the wait cannot end while the write is under way");
        commit.complete("ok");
        assertEquals(0, left.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWriteThatStartsRightAfterTheLastOneEndedIsWaitedForToo() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        // Like a session's queue: the next write is subscribed from the end of the previous one.
        pending.track(Uni.createFrom().completionStage(first)).subscribe().with(done ->
                pending.track(Uni.createFrom().completionStage(second)).subscribe().with(alsoDone -> {
                }));
        CompletableFuture<Integer> left = CompletableFuture.supplyAsync(() -> {
            try {
                return pending.awaitNone(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        first.complete("ok");
        assertEquals(1, pending.underWay(), "the second write is under way");
        assertTrue(!left.isDone(), "the wait cannot end while the second write is under way");
        second.complete("ok");
        assertEquals(0, left.get(10, TimeUnit.SECONDS));
    }

    @Test
    void awaitingIsBoundedAndSaysWhatWasLeft() throws Exception {
        pending.track(Uni.createFrom().completionStage(new CompletableFuture<String>())).subscribe().with(done -> {
        });
        assertEquals(1, pending.awaitNone(Duration.ofMillis(50)));
    }
}
