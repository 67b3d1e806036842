package org.parley.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.parley.room.service.SessionContentDropped;

/** Drops a session's documents, their key and its grants the moment the session's content leaves memory. */
@ApplicationScoped
public class DocumentsOfEndedSessions {

    private final DocumentService documents;

    public DocumentsOfEndedSessions(DocumentService documents) {
        this.documents = documents;
    }

    void onDropped(@Observes SessionContentDropped dropped) {
        documents.drop(dropped.sessionId());
    }
}
