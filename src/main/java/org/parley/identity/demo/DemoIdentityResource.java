package org.parley.identity.demo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The demo identity provider's HTTP face: the list of demo accounts, sign-in (and silent sign-in again within its
 * single sign-on session), sign-out and the public keys.
 * Answers 404 whenever the demo identity provider is disabled.
 */
@Cancellable(false)
@Path("/demo-idp")
@Produces(MediaType.APPLICATION_JSON)
public class DemoIdentityResource {

    /** The name of the provider's single sign-on cookie. */
    static final String SIGN_ON_COOKIE = "parley_demo_sign_on";

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

    /**
     * Signs in as a demo account ({@code username}), opening the provider's single sign-on session; or, with
     * {@code prompt=none} and no username, signs in again silently as the account of the browser's live sign-on
     * session (as OIDC's {@code prompt=none} does against the identity provider's own session), answering
     * {@code login_required} when there is none.
     */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in as a demo account, or again silently within its sign-on session (demo profile only)")
    public Response token(@FormParam("username") String username, @FormParam("prompt") String prompt,
            @CookieParam(SIGN_ON_COOKIE) String signOn, @Context UriInfo uri) {
        requireEnabled();
        if (username == null && "none".equals(prompt)) {
            return provider.signInSilently(signOn)
                    .map(token -> Response.ok(tokenResponse(token)).build())
                    .orElseGet(() -> Response.status(Response.Status.BAD_REQUEST)
                            .entity(Map.of("error", "login_required", "error_description", "sign in first"))
                            .cookie(signOnCookie("", 0, uri))
                            .build());
        }
        return provider.signIn(username)
                .map(token -> {
                    // A new sign-in replaces the browser's previous sign-on session, whoever it was.
                    provider.closeSignOn(signOn);
                    String session = provider.openSignOn(username);
                    return Response.ok(tokenResponse(token))
                            .cookie(signOnCookie(session, (int) provider.signOnLifetime().toSeconds(), uri))
                            .build();
                })
                .orElseGet(() -> Response.status(Response.Status.BAD_REQUEST)
                        .entity(Map.of("error", "invalid_grant", "error_description", "not a demo account"))
                        .build());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the browser's demo sign-on session (demo profile only)")
    public Response logout(@CookieParam(SIGN_ON_COOKIE) String signOn, @Context UriInfo uri) {
        requireEnabled();
        provider.closeSignOn(signOn);
        return Response.noContent().cookie(signOnCookie("", 0, uri)).build();
    }

    private static TokenResponse tokenResponse(DemoIdentityProvider.SignedToken token) {
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn());
    }

    /**
     * The sign-on cookie: HttpOnly (no script of the page can read it), SameSite=Strict (no other site's request
     * carries it), sent only to the provider's own path, and Secure whenever the page is served over HTTPS.
     */
    private static NewCookie signOnCookie(String value, int maxAgeSeconds, UriInfo uri) {
        return new NewCookie.Builder(SIGN_ON_COOKIE)
                .value(value)
                .path("/demo-idp")
                .maxAge(maxAgeSeconds)
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
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
