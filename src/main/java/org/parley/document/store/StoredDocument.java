package org.parley.document.store;

import org.parley.document.DocumentKind;
import org.parley.room.domain.DocumentId;

/** What the vault says about a document it holds: never its bytes or its name. */
public record StoredDocument(DocumentId id, DocumentKind kind, long size) {
}
