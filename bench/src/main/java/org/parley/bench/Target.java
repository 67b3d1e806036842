package org.parley.bench;

import io.vertx.core.Context;
import java.util.List;
import org.parley.bench.load.Room;
import org.parley.bench.load.Wire;

/** A server the benchmark drives: B0 or Parley, started in its own pinned process. */
public interface Target extends AutoCloseable {

    String name();

    ServerProcess server();

    Wire wire();

    /**
     * Creates {@code rooms} rooms of {@code size} members each, numbered from {@code firstIndex}, and connects them
     * all (through the server's real entry path) so that everyone of a room hears the others.
     */
    List<Room> connect(Context context, int rooms, int size, int firstIndex) throws Exception;

    /** Closes every member's connection and opens it again, {@code parallel} at a time; answers the time taken. */
    long reconnectNanos(Context context, List<Room> rooms, int parallel) throws Exception;
}
