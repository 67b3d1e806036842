package org.parley.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Opens WebSocket connections from the generator's one context, a bounded number at a time. */
public final class Connections {

    private final Context context;
    private final HttpClient client;

    public Connections(Context context) {
        this.context = context;
        this.client = context.owner().createHttpClient(new HttpClientOptions().setMaxWebSocketFrameSize(1 << 20)
                .setMaxWebSockets(100_000));
    }

    public Future<WebSocket> open(WebSocketConnectOptions options) {
        return client.webSocket(options);
    }

    /**
     * Runs {@code task} for every member, at most {@code parallel} at once, on the generator's context; blocks the
     * caller until all are done and rethrows the first failure.
     */
    public void forEach(List<Member> members, int parallel, Function<Member, Future<?>> task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Deque<Member> waiting = new ArrayDeque<>(members);
            int[] running = {0};
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (done.isDone()) {
                    return;
                }
                while (running[0] < parallel && !waiting.isEmpty()) {
                    Member member = waiting.poll();
                    running[0]++;
                    task.apply(member).onComplete(result -> {
                        running[0]--;
                        if (result.failed()) {
                            done.completeExceptionally(result.cause());
                        } else if (waiting.isEmpty() && running[0] == 0) {
                            done.complete(null);
                        } else {
                            // On the next turn: a task that completes at once (closing a closed socket) would
                            // otherwise recurse once per member and overflow the stack.
                            context.runOnContext(again -> next[0].run());
                        }
                    });
                }
            };
            if (members.isEmpty()) {
                done.complete(null);
            } else {
                next[0].run();
            }
        });
        done.join();
    }

    /** A future completed by the first frame for which {@code accept} answers true. */
    public static Future<Void> awaitFrame(WebSocket socket, java.util.function.Predicate<String> accept) {
        Promise<Void> seen = Promise.promise();
        socket.textMessageHandler(frame -> {
            if (!seen.future().isComplete() && accept.test(frame)) {
                seen.complete();
            }
        });
        return seen.future();
    }
}
