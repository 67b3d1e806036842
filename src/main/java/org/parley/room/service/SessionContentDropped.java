package org.parley.room.service;

import java.util.UUID;

/**
 * Fired (as a CDI event) once a session has ended and its runtime has left this server's memory: whatever else holds
 * content of that session, such as its documents, must drop it now.
 */
public record SessionContentDropped(UUID sessionId) {
}
