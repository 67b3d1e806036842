package org.parley.audit;

/**
 * The outcome of checking the audit chain: intact with its record count and head, or broken at the first record
 * that fails, with why. For a broken chain, {@code records}, {@code headSeq} and {@code headHash} describe the
 * prefix found intact before {@code firstBadSeq} (none when the chain was {@link Problem#REWRITTEN}).
 */
public record Verification(boolean ok, long records, long headSeq, String headHash, Long firstBadSeq,
        Problem problem, String detail) {

    /** Why a chain is broken; the wire codes are stable. */
    public enum Problem {
        /** A record's stored hash does not match its fields: the record was changed. */
        ALTERED("altered"),
        /** Seqs jump: the records in between were deleted. */
        DELETED("deleted"),
        /** A record does not link to its predecessor, or a seq repeats: a record was inserted, replaced or moved. */
        INSERTED("inserted"),
        /** The chain ends before the head kept outside the database: records were deleted from the end. */
        TRUNCATED("truncated"),
        /** The record at the kept head's seq has another hash: the chain was rebuilt up to there. */
        REWRITTEN("rewritten");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    static Verification intact(long records, ChainHead head) {
        return new Verification(true, records, head.seq(), head.hash(), null, null, null);
    }

    static Verification broken(long records, ChainHead intactHead, long firstBadSeq, Problem problem, String detail) {
        return new Verification(false, records, intactHead.seq(), intactHead.hash(), firstBadSeq, problem, detail);
    }

    /** The intact head (the whole chain's head when {@link #ok()}). */
    public ChainHead head() {
        return new ChainHead(headSeq, headHash);
    }

    /** One line for an operator: {@code altered: <detail>}; empty when the chain is intact. */
    public String why() {
        return ok ? "" : problem.code() + ": " + detail;
    }
}
