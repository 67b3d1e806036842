package org.parley.media.turn;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a browser's {@code RTCConfiguration.iceServers}: the TURN URIs and the short-lived credential that
 * opens them. The credential is a secret while it lives: {@link #toString()} leaves it out.
 */
public record IceServer(List<String> urls, String username, String credential) {

    public IceServer {
        urls = List.copyOf(urls);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(credential, "credential");
    }

    @Override
    public String toString() {
        return "IceServer[urls=" + urls + "]";
    }
}
