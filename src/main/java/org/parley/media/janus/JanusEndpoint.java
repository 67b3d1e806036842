package org.parley.media.janus;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a Janus server answers and the secrets Parley holds for it: the HTTP API (for liveness), the admin API (for
 * room control), and the VideoRoom plugin's admin key when it has one. {@link #toString()} names no secret.
 */
public record JanusEndpoint(URI api, URI admin, String apiSecret, String adminSecret, Optional<String> roomAdminKey) {

    public JanusEndpoint {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(adminSecret, "adminSecret");
        Objects.requireNonNull(roomAdminKey, "roomAdminKey");
    }

    @Override
    public String toString() {
        return "JanusEndpoint[api=" + api + ", admin=" + admin + "]";
    }
}
