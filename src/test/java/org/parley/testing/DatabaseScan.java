package org.parley.testing;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of every table of the test database as text, for tests that plant a string and must prove it was
 * never written (or is gone after a purge) anywhere in the database, not only where it is expected.
 */
public final class DatabaseScan {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private DatabaseScan() {
    }

    /** The tables of the application's schema, by name. */
    public static List<String> tables(Pool pool) {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' ORDER BY 1").execute().await().atMost(WAIT)) {
            tables.add(row.getString(0));
        }
        return tables;
    }

    /** Each row of each table in PostgreSQL's text form, one per line. */
    public static String everyRowOfEveryTable(Pool pool) {
        StringBuilder all = new StringBuilder();
        for (String table : tables(pool)) {
            for (Row row : pool.query("SELECT t::text FROM \"" + table + "\" t").execute().await().atMost(WAIT)) {
                all.append(row.getString(0)).append('\n');
            }
        }
        return all.toString();
    }
}
