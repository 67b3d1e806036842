package org.parley.room.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.parley.room.domain.DurableState;

/**
 * The stored durable state of live sessions ({@code live_session_state}): written by the {@link FactJournal} in the
 * transaction of the facts that changed it, read when a session is loaded after a restart.
 */
@ApplicationScoped
public class LiveSessionStates {

    /** A durable state as stored, with the version that orders the writes of one session. */
    public record Stored(long version, DurableState state) {
    }

    private final Pool pool;
    private final DurableStateJson json = new DurableStateJson();

    public LiveSessionStates(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Stored>> find(UUID sessionId) {
        return pool.preparedQuery("SELECT version, state::text FROM live_session_state WHERE session_id = $1")
                .execute(Tuple.of(sessionId))
                .map(LiveSessionStates::first)
                .map(row -> row.map(found -> new Stored(found.getLong(0), json.read(found.getString(1)))));
    }

    /**
     * Writes the state unless a later version is already stored (writes of one session are serial anyway). The
     * parameter is typed as text so that PostgreSQL parses it: bound as jsonb, a Java string would be stored as one
     * JSON string.
     */
    Uni<Void> write(SqlClient client, UUID sessionId, Stored stored) {
        return client.preparedQuery("INSERT INTO live_session_state (session_id, version, state, written_at)"
                        + " VALUES ($1, $2, $3::text::jsonb, now()) ON CONFLICT (session_id) DO UPDATE"
                        + " SET version = EXCLUDED.version, state = EXCLUDED.state, written_at = EXCLUDED.written_at"
                        + " WHERE live_session_state.version < EXCLUDED.version")
                .execute(Tuple.of(sessionId, stored.version(), json.write(stored.state())))
                .replaceWithVoid();
    }

    /** An ended session needs no state to come back to. */
    static Uni<Void> delete(SqlClient client, UUID sessionId) {
        return client.preparedQuery("DELETE FROM live_session_state WHERE session_id = $1")
                .execute(Tuple.of(sessionId)).replaceWithVoid();
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
