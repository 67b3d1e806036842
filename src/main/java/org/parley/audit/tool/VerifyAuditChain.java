package org.parley.audit.tool;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.audit.AuditChain;
import org.parley.audit.AuditRecord;
import org.parley.audit.ChainHead;
import org.parley.audit.Verification;

/**
 * The operator's check of the audit log, without starting the server: reads {@code audit_record} over JDBC in one
 * read-only snapshot, verifies the chain and prints one line. Exit code 0 when intact, 1 when broken, 2 when it
 * could not verify (bad arguments, database unreachable).
 *
 * <p>Settings as for the server: {@code PARLEY_DB_URL} ({@code postgresql://host:port/db}),
 * {@code PARLEY_DB_USERNAME}, {@code PARLEY_DB_PASSWORD}, or the system properties {@code parley.db.url} etc.
 * {@code --head SEQ:HASH} also checks the chain against a head kept earlier (see docs/operations.md).
 */
public final class VerifyAuditChain {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int NOT_VERIFIED = 2;

    private static final Pattern HEAD = Pattern.compile("([0-9]{1,18}):([0-9a-f]{64})");
    private static final String USAGE = "usage: VerifyAuditChain [--head SEQ:HASH]"
            + " (database from PARLEY_DB_URL, PARLEY_DB_USERNAME, PARLEY_DB_PASSWORD)";

    private VerifyAuditChain() {
    }

    public static void main(String... args) {
        System.exit(run(List.of(args), name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        }, System.out));
    }

    /** Runs the check with settings looked up by property name ({@code parley.db.url} …); returns the exit code. */
    static int run(List<String> args, Function<String, String> settings, PrintStream out) {
        Optional<ChainHead> keptHead;
        if (args.isEmpty()) {
            keptHead = Optional.empty();
        } else {
            Matcher head = args.size() == 2 && args.get(0).equals("--head") ? HEAD.matcher(args.get(1)) : null;
            if (head == null || !head.matches()) {
                out.println("audit chain NOT VERIFIED: " + USAGE);
                return NOT_VERIFIED;
            }
            keptHead = Optional.of(new ChainHead(Long.parseLong(head.group(1)), head.group(2)));
        }
        String url = settings.apply("parley.db.url");
        if (url == null || url.isBlank()) {
            out.println("audit chain NOT VERIFIED: PARLEY_DB_URL (postgresql://host:port/db) is not set");
            return NOT_VERIFIED;
        }
        String jdbcUrl = url.startsWith("jdbc:") ? url : "jdbc:" + url;
        Verification verification;
        try {
            verification = verify(jdbcUrl, settings.apply("parley.db.username"), settings.apply("parley.db.password"),
                    keptHead);
        } catch (SQLException e) {
            // The driver's message names host, database and user at most, never the password.
            out.println("audit chain NOT VERIFIED: cannot read audit_record at " + jdbcUrl + ": " + e.getMessage());
            return NOT_VERIFIED;
        }
        if (verification.ok()) {
            out.println("audit chain OK: " + verification.records() + " records, head " + verification.headHash());
            return INTACT;
        }
        out.println("audit chain BROKEN at record " + verification.firstBadSeq() + ": " + verification.why());
        return BROKEN;
    }

    private static Verification verify(String jdbcUrl, String username, String password,
            Optional<ChainHead> keptHead) throws SQLException {
        AuditChain.Verifier verifier = new AuditChain.Verifier(keptHead);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            // One snapshot for the whole read, and a cursor (needs a transaction) instead of loading every row.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement query = connection.prepareStatement("SELECT seq, at, actor, kind, court_id,"
                    + " case_id, session_id, room, target, result, prev_hash, hash FROM audit_record ORDER BY seq")) {
                query.setFetchSize(1000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next() && verifier.accept(record(rows))) {
                        // accept() checks each record in turn and stops at the first bad one
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return verifier.result();
    }

    private static AuditRecord record(ResultSet row) throws SQLException {
        OffsetDateTime at = row.getObject("at", OffsetDateTime.class);
        return new AuditRecord(row.getLong("seq"), at == null ? null : at.toInstant(), row.getString("actor"),
                row.getString("kind"), row.getString("court_id"), row.getObject("case_id", UUID.class),
                row.getObject("session_id", UUID.class), row.getString("room"), row.getString("target"),
                row.getString("result"), row.getString("prev_hash"), row.getString("hash"));
    }
}
