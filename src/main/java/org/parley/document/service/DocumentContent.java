package org.parley.document.service;

import org.parley.document.DocumentKind;

/** The bytes of one document for the one download a grant allowed, with what the response must say about them. */
public record DocumentContent(String name, DocumentKind kind, byte[] bytes) {

    @Override
    public String toString() {
        // Content never goes into a log line or an exception message, not even by accident.
        return "DocumentContent[" + kind + ", " + bytes.length + " bytes]";
    }
}
