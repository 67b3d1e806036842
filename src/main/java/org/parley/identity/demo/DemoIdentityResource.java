package org.parley.identity.demo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The demo identity provider's HTTP face: the list of demo accounts, sign-in and the public keys.
 * Answers 404 whenever the demo identity provider is disabled.
 */
@Cancellable(false)
@Path("/demo-idp")
@Produces(MediaType.APPLICATION_JSON)
public class DemoIdentityResource {

    private final DemoIdentityProvider provider;

    public DemoIdentityResource(DemoIdentityProvider provider) {
        this.provider = provider;
    }

    /** A demo account as the sign-in page lists it. */
    public record AccountView(String username, String displayName, String role) {
    }

    /** The OAuth 2.0 token response shape. */
    public record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    @GET
    @Path("/accounts")
    @Operation(summary = "List the demo accounts (demo profile only)")
    public List<AccountView> accounts() {
        requireEnabled();
        return provider.accounts().listed().stream()
                .map(account -> new AccountView(account.username(), account.displayName(), account.role()))
                .toList();
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in as a demo account (demo profile only)")
    public Response token(@FormParam("username") String username) {
        requireEnabled();
        return provider.signIn(username)
                .map(token -> Response.ok(new TokenResponse(token.accessToken(), "Bearer", token.expiresIn())).build())
                .orElseGet(() -> Response.status(Response.Status.BAD_REQUEST)
                        .entity(Map.of("error", "invalid_grant", "error_description", "not a demo account"))
                        .build());
    }

    @GET
    @Path("/jwks")
    @Operation(summary = "The demo identity provider's public keys (demo profile only)")
    public Map<String, Object> jwks() {
        requireEnabled();
        return provider.publicKeySet();
    }

    private void requireEnabled() {
        if (!provider.enabled()) {
            throw new NotFoundException();
        }
    }
}
