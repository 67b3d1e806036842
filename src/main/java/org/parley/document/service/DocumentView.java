package org.parley.document.service;

import org.parley.room.domain.DocumentInfo;

/** A document's metadata as answered to someone who may see it: id, name, checked media type and size. */
public record DocumentView(String id, String name, String type, long size) {

    public static DocumentView of(DocumentInfo info) {
        return new DocumentView(info.id().value(), info.name(), info.mediaType(), info.size());
    }
}
