package org.parley.document.store;

/** How many plaintext bytes one document, one session's documents and all of this server's documents may hold. */
public record DocumentLimits(long perDocument, long perSession, long perServer) {

    public DocumentLimits {
        if (perDocument <= 0 || perSession < perDocument || perServer < perSession) {
            throw new IllegalArgumentException("document limits must be positive and grow from document to server");
        }
    }
}
