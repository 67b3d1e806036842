package org.parley.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts the Content-Security-Policy on every HTTP response, static client and API alike. The fixed security headers
 * are plain configuration ({@code quarkus.http.header.*} in application.properties); this one is code because its
 * {@code connect-src} names the Keycloak realm's origin, which configuration cannot derive from the issuer URL.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    static final String HEADER = "Content-Security-Policy";
    /** The strictest policy: the response may run, load and embed nothing. */
    static final String SANDBOXED = "sandbox; default-src 'none'";

    // Ahead of routing, so every route, including 404s and failures, answers with the policy.
    private static final int PRIORITY = 1_000;

    private final ContentSecurityPolicy policy;

    public SecurityHeadersFilter(@ConfigProperty(name = "parley.oidc.enabled") boolean oidcEnabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        // The browser fetches the realm's discovery document and token endpoint itself (authorization code + PKCE).
        this.policy = ContentSecurityPolicy.forIdentityProvider(oidcEnabled ? issuer : Optional.empty());
    }

    void register(@Observes Filters filters) {
        filters.register(this::addPolicy, PRIORITY);
    }

    private void addPolicy(RoutingContext context) {
        // Set when the headers are written, so that no handler down the line can drop it. A handler may only
        // tighten it to the fully sandboxed policy (served documents do). The value is built only then: an
        // accepted WebSocket upgrade, whose request is held for the connection's life, never writes these
        // headers, and would otherwise keep a copy of the policy per connection.
        context.addHeadersEndHandler(ignored -> {
            if (!SANDBOXED.equals(context.response().headers().get(HEADER))) {
                context.response().headers().set(HEADER, policy.forHost(context.request().getHeader(HttpHeaders.HOST)));
            }
        });
        context.next();
    }
}
