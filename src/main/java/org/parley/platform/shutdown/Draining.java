package org.parley.platform.shutdown;

/**
 * Fired once, synchronously, when the server begins to stop (SIGTERM, Ctrl+C): observers end what they hold open
 * (room connections) before the HTTP server and the database pools close.
 */
public record Draining() {
}
