package org.parley.bench.keycloak;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.parley.bench.parley.ParleyApi;
import org.parley.bench.parley.ParleyIdentity;

/**
 * Parley signed in through a real Keycloak: the server verifies Keycloak's tokens and provisions accounts there; the
 * court administrator and every invited participant sign in with the password grant of {@code parley-bench} and
 * refresh their tokens before they expire (the realm's access tokens live 5 minutes).
 */
public final class KeycloakIdentity implements ParleyIdentity {

    /** A token is refreshed when less than this is left of its life. */
    private static final long REFRESH_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Keycloak keycloak;
    private final List<String> serverOptions;
    /** One password for every invited account of the run, set by the generator. */
    private final String participantPassword = Keycloak.randomPassword();
    private final Map<String, Tokens> tokens = new ConcurrentHashMap<>();

    private record Tokens(String access, String refresh, long refreshAtNanos) {
        static Tokens of(JsonObject response) {
            long lifeNanos = TimeUnit.SECONDS.toNanos(response.getLong("expires_in"));
            return new Tokens(response.getString("access_token"), response.getString("refresh_token"),
                    System.nanoTime() + lifeNanos - REFRESH_MARGIN_NANOS);
        }
    }

    /** Against {@code keycloak}; {@code extraServerOptions} are added to the server's options. */
    public KeycloakIdentity(Keycloak keycloak, List<String> extraServerOptions) {
        this.keycloak = keycloak;
        List<String> options = new java.util.ArrayList<>(List.of(
                // The demo profile (embedded PostgreSQL) with its identity settings overridden, in both spellings:
                // the profile's own values are written with the %demo prefix.
                "-Dparley.oidc.enabled=true",
                "-D%demo.parley.oidc.enabled=true",
                "-Dparley.demo-identity.enabled=false",
                "-D%demo.parley.demo-identity.enabled=false",
                "-Dquarkus.oidc.auth-server-url=" + keycloak.issuer(),
                "-Dparley.oidc.auth-server-url=" + keycloak.issuer(),
                "-Dparley.keycloak.url=" + keycloak.baseUrl(),
                "-Dparley.keycloak.client-secret=" + keycloak.serverSecret()));
        options.addAll(extraServerOptions);
        this.serverOptions = List.copyOf(options);
    }

    @Override
    public List<String> serverOptions() {
        return serverOptions;
    }

    @Override
    public String courtAdmin() {
        return Keycloak.COURT_ADMIN;
    }

    @Override
    public ParleyApi api(URI base) {
        return new ParleyApi(base, this::token);
    }

    /** Parley made the account with the email as its user name; the generator gives it a password. */
    @Override
    public String invited(String name, String email) {
        keycloak.setPassword(email, participantPassword);
        return email;
    }

    /** A current access token: signed in once, refreshed when close to expiry, signed in again if refused. */
    String token(String username) {
        Tokens current = tokens.get(username);
        if (current != null && System.nanoTime() < current.refreshAtNanos()) {
            return current.access();
        }
        return tokens.compute(username, (name, held) -> {
            if (held != null && System.nanoTime() < held.refreshAtNanos()) {
                return held;
            }
            if (held != null) {
                try {
                    return Tokens.of(keycloak.refresh(held.refresh()));
                } catch (Keycloak.TokenRefused ended) {
                    // the session behind the refresh token ended: sign in again
                }
            }
            String password = Keycloak.COURT_ADMIN.equals(name) ? keycloak.courtAdminPassword()
                    : participantPassword;
            return Tokens.of(keycloak.passwordGrant(name, password));
        }).access();
    }
}
