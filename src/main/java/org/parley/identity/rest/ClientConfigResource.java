package org.parley.identity.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.demo.DemoIdentityProvider;

/**
 * Tells the browser client how to sign in: with the demo identity provider, or with the Keycloak realm over the
 * authorization code flow with PKCE (public client {@code parley-web}). Public: it holds no secret.
 */
@Cancellable(false)
@Path("/api/client-config")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    private final DemoIdentityProvider demo;
    private final boolean oidcEnabled;
    private final String issuer;

    public ClientConfigResource(DemoIdentityProvider demo, @ConfigProperty(name = "parley.oidc.enabled") boolean oidcEnabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.demo = demo;
        this.oidcEnabled = oidcEnabled;
        this.issuer = issuer;
    }

    /** The realm the browser signs in with. */
    public record Oidc(String issuer, String clientId, String scope) {
    }

    /** Sign-in settings; {@code oidc} is null when Keycloak is switched off. */
    public record ClientConfig(boolean demo, Oidc oidc) {
    }

    @GET
    public ClientConfig get() {
        return new ClientConfig(demo.enabled(), oidcEnabled ? new Oidc(issuer, "parley-web", "openid profile email") : null);
    }
}
