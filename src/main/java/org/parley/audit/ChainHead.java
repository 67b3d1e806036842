package org.parley.audit;

/**
 * The last record of the chain: its seq (which is also the number of records) and its hash. An operator keeps
 * it outside the database, because only a kept head reveals records deleted from the end.
 */
public record ChainHead(long seq, String hash) {

    /** The head of an empty chain. */
    public static final ChainHead EMPTY = new ChainHead(0, AuditChain.GENESIS);
}
