package org.parley.platform.http;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the Content-Security-Policy of every response: scripts, styles and everything else from this server
 * only, nothing inline, no plugins, no framing, and network access only to this server, its room sockets and the
 * Keycloak realm the browser signs in with.
 */
public final class ContentSecurityPolicy {

    // A host name, an IPv4 address or a bracketed IPv6 address, with an optional port: anything else in a Host
    // header (spaces, quotes, semicolons) could smuggle a directive into the policy, so it is left out.
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])"
            + "(?::[0-9]{1,5})?");

    private final String before;
    private final String after;

    private ContentSecurityPolicy(String before, String after) {
        this.before = before;
        this.after = after;
    }

    /**
     * The policy for a server whose browser client may talk to the given identity provider.
     *
     * @param identityProvider the OIDC issuer the browser signs in with, or empty when only the server is contacted
     */
    public static ContentSecurityPolicy forIdentityProvider(Optional<String> identityProvider) {
        String connect = "connect-src 'self'" + identityProvider.flatMap(ContentSecurityPolicy::origin)
                .map(origin -> " " + origin).orElse("");
        return new ContentSecurityPolicy(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                        + "media-src 'self' blob: mediastream:; " + connect,
                "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }

    /**
     * The header value for a request that arrived with this Host header. CSP Level 3 already lets {@code 'self'}
     * match the same host over ws: and wss:; the explicit sources keep older browsers able to open the room socket.
     */
    public String forHost(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            return before + after;
        }
        return before + " ws://" + host + " wss://" + host + after;
    }

    /** The scheme, host and port of an http(s) URL, the form a CSP source takes; empty for anything else. */
    static Optional<String> origin(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (!HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
    }
}
