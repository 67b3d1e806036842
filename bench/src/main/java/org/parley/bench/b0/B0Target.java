package org.parley.bench.b0;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parley.bench.ServerProcess;
import org.parley.bench.Target;
import org.parley.bench.load.Connections;
import org.parley.bench.load.Member;
import org.parley.bench.load.Room;
import org.parley.bench.load.Wire;

/** B0 in its own process: the raw broadcast server, joined by path, with the payload as the whole frame. */
public final class B0Target implements Target {

    private final ServerProcess server;
    private final int port;
    private Connections connections;

    public B0Target(int cpu, int port, List<String> jvmOptions, Path logs) throws Exception {
        this.port = port;
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RawBroadcastServer.class.getName(),
                Integer.toString(port)));
        this.server = ServerProcess.start(cpu, command, logs.resolve("b0.log"));
        server.awaitLog("ready", 60);
    }

    @Override
    public String name() {
        return "B0";
    }

    @Override
    public ServerProcess server() {
        return server;
    }

    @Override
    public Wire wire() {
        return new Wire() {
            @Override
            public String messageFrame(Member member, String text) {
                return text;
            }

            @Override
            public String payloadOf(Member member, String frame) {
                return frame;
            }
        };
    }

    @Override
    public List<Room> connect(Context context, int rooms, int size, int firstIndex) {
        connections = new Connections(context);
        List<Room> created = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            Room room = new Room("s" + r, size, firstIndex + r * size);
            created.add(room);
            members.addAll(room.members);
        }
        connections.forEach(members, 32, this::open);
        return created;
    }

    private Future<?> open(Member member) {
        return connections.open(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/rooms/" + member.room.name)).map(socket -> member.socket = socket);
    }

    @Override
    public long reconnectNanos(Context context, List<Room> rooms, int parallel) {
        List<Member> members = rooms.stream().flatMap(room -> room.members.stream()).toList();
        connections.forEach(members, parallel, member -> member.socket.close());
        long start = System.nanoTime();
        connections.forEach(members, parallel, this::open);
        return System.nanoTime() - start;
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
