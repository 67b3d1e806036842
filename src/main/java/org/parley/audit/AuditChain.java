package org.parley.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The hash chain of the audit log: {@code hash = SHA-256(prev_hash || canonical(record))}, starting from
 * {@link #GENESIS}, and its verification.
 *
 * <p>The canonical form is a version tag followed by every field in a fixed order (seq, at, actor, kind,
 * court_id, case_id, session_id, room, target, result), each as a presence byte, a 4-byte big-endian length and
 * its UTF-8 bytes, so no two different records encode alike. {@code at} is kept to the microsecond, the
 * precision of PostgreSQL's {@code timestamptz}, so a record hashes the same after a round trip.
 *
 * <p>What the chain proves: every record up to the head has its original fields, position and neighbours. What
 * it cannot prove on its own: that no records were cut off the end, or appended by someone who can write to the
 * database and recompute hashes (the algorithm has no secret). Both are detected only against a head kept outside
 * the database ({@link Verifier#Verifier(Optional)}); records appended after the last kept head are not covered.
 */
public final class AuditChain {

    /** The {@code prev_hash} of record 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final String FORMAT = "parley.audit.v1";
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** Seals an entry as record {@code seq}, linked to the record before it. */
    public static AuditRecord seal(long seq, Instant at, AuditEntry entry, String prevHash) {
        return seal(seq, at, entry, entry.actor(), entry.target(), prevHash);
    }

    /**
     * Seals an entry whose actor and target are stored as given (the case's ciphertext of them): the hash covers
     * exactly what is stored, so it still verifies once nobody can decrypt them.
     */
    public static AuditRecord seal(long seq, Instant at, AuditEntry entry, String storedActor, String storedTarget,
            String prevHash) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        AuditRecord unsealed = new AuditRecord(seq, stored, storedActor, entry.kind(), entry.courtId(),
                entry.caseId(), entry.sessionId(), entry.room(), storedTarget, entry.result(), prevHash, null);
        return new AuditRecord(seq, stored, storedActor, entry.kind(), entry.courtId(), entry.caseId(),
                entry.sessionId(), entry.room(), storedTarget, entry.result(), prevHash, hash(prevHash, unsealed));
    }

    /** The hash a record must carry, given the hash it links to; the record's own hash fields are ignored. */
    public static String hash(String prevHash, AuditRecord record) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash == null ? new byte[0] : prevHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(record));
        return HEX.formatHex(sha256.digest());
    }

    static byte[] canonical(AuditRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, FORMAT);
            field(out, Long.toString(record.seq()));
            field(out, record.at() == null ? null : record.at().toString());
            field(out, record.actor());
            field(out, record.kind());
            field(out, record.courtId());
            field(out, text(record.caseId()));
            field(out, text(record.sessionId()));
            field(out, record.room());
            field(out, record.target());
            field(out, record.result());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte(1);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** Verifies a whole chain, read in seq order. */
    public static Verification verify(List<AuditRecord> inOrder) {
        return verify(inOrder, Optional.empty());
    }

    /** Verifies a whole chain, read in seq order, and that it still reaches the head kept outside the database. */
    public static Verification verify(List<AuditRecord> inOrder, Optional<ChainHead> keptHead) {
        Verifier verifier = new Verifier(keptHead);
        for (AuditRecord record : inOrder) {
            if (!verifier.accept(record)) {
                break;
            }
        }
        return verifier.result();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks a chain record by record, so a long chain can be streamed from the database in pages; it stops
     * at the first bad record.
     */
    public static final class Verifier {

        private final Optional<ChainHead> keptHead;
        private ChainHead intact = ChainHead.EMPTY;
        private ChainHead previous = ChainHead.EMPTY;
        private String keptSeqHash;
        private Verification broken;

        public Verifier() {
            this(Optional.empty());
        }

        /** @param keptHead a head recorded earlier, outside the database; the chain must still contain it */
        public Verifier(Optional<ChainHead> keptHead) {
            this.keptHead = Objects.requireNonNull(keptHead, "keptHead");
        }

        /** Checks the next record; false once the chain is broken (further records are ignored). */
        public boolean accept(AuditRecord record) {
            if (broken != null) {
                return false;
            }
            long expected = intact.seq() + 1;
            long seq = record.seq();
            // Order matters: a spliced record with a correct own hash shows up as its successor's broken link,
            // and a renumbered successor must be reported as that, not as "altered".
            if (seq < expected) {
                // Which of the two records with this seq is genuine cannot be told: vouch only for those before.
                broken = Verification.broken(seq == intact.seq() ? previous.seq() : 0,
                        seq == intact.seq() ? previous : ChainHead.EMPTY, seq, Verification.Problem.INSERTED,
                        "seq " + seq + " repeats or comes after seq " + intact.seq()
                                + " (a record was inserted, or the records were reordered)");
                return false;
            }
            if (seq > expected) {
                return fail(seq, Verification.Problem.DELETED, (seq == expected + 1 ? "record " + expected
                        : "records " + expected + " to " + (seq - 1)) + " missing before record " + seq);
            }
            if (!intact.hash().equals(record.prevHash())) {
                return fail(seq, Verification.Problem.INSERTED, "prev_hash does not match the hash of "
                        + (seq == 1 ? "the genesis value" : "record " + (seq - 1))
                        + " (a record before it was inserted or replaced, or the records were reordered)");
            }
            if (!hash(record.prevHash(), record).equals(record.hash())) {
                return fail(seq, Verification.Problem.ALTERED,
                        "the stored hash does not match the record's fields");
            }
            previous = intact;
            intact = new ChainHead(seq, record.hash());
            if (keptHead.isPresent() && keptHead.get().seq() == seq) {
                keptSeqHash = record.hash();
            }
            return true;
        }

        private boolean fail(long seq, Verification.Problem problem, String detail) {
            broken = Verification.broken(intact.seq(), intact, seq, problem, detail);
            return false;
        }

        /** The verdict on the records accepted so far, taken as the whole chain. */
        public Verification result() {
            if (broken != null) {
                return broken;
            }
            if (keptHead.isPresent()) {
                ChainHead kept = keptHead.get();
                if (intact.seq() < kept.seq()) {
                    return Verification.broken(intact.seq(), intact, intact.seq() + 1, Verification.Problem.TRUNCATED,
                            "the chain ends at record " + intact.seq() + " but the kept head is record " + kept.seq()
                                    + " (records were deleted from the end)");
                }
                String expected = kept.seq() == 0 ? GENESIS : keptSeqHash;
                if (!kept.hash().equalsIgnoreCase(expected)) {
                    // Where the rebuilt part begins cannot be told, so no prefix is vouched for.
                    return Verification.broken(0, ChainHead.EMPTY, kept.seq(), Verification.Problem.REWRITTEN,
                            "record " + kept.seq() + " does not have the kept head's hash"
                                    + " (the chain was rebuilt up to there, or the kept head is wrong)");
                }
            }
            return Verification.intact(intact.seq(), intact);
        }
    }
}
