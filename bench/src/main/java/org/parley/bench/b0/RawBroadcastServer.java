package org.parley.bench.b0;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * B0, the fastest thing Parley could be on this machine: a raw Vert.x WebSocket server where a client joins a room
 * by its path ({@code /rooms/<name>}) and every text frame is written to the room's other members. No tickets, no
 * rules, no journal, no history. Runs on the same Vert.x release as Parley.
 *
 * <p>Usage: {@code RawBroadcastServer <port>}; prints {@code ready} once it listens.
 */
public final class RawBroadcastServer {

    private final Map<String, Set<ServerWebSocket>> rooms = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        new RawBroadcastServer().listen(vertx, port);
    }

    private void listen(Vertx vertx, int port) {
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .webSocketHandler(this::join)
                .listen()
                .onSuccess(server -> System.out.println("ready"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    private void join(ServerWebSocket socket) {
        if (!socket.path().startsWith("/rooms/")) {
            socket.reject(404);
            return;
        }
        Set<ServerWebSocket> room = rooms.computeIfAbsent(socket.path(), path -> ConcurrentHashMap.newKeySet());
        room.add(socket);
        socket.textMessageHandler(text -> {
            for (ServerWebSocket member : room) {
                if (member != socket) {
                    member.writeTextMessage(text);
                }
            }
        });
        socket.closeHandler(closed -> room.remove(socket));
    }
}
