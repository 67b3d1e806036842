package org.parley.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified security identity of a request or WebSocket upgrade into a {@link Caller}.
 */
@ApplicationScoped
public class CallerFactory {

    public Caller from(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new IllegalStateException("no verified token on this request");
        }
        String username = claim(token, "preferred_username", token.getSubject());
        String displayName = claim(token, "name", username);
        String court = claim(token, "court", "");
        String email = claim(token, "email", "");
        boolean emailVerified = Boolean.parseBoolean(claim(token, "email_verified", "false"));
        return new Caller(token.getSubject(), username, displayName, email, emailVerified, court,
                Set.copyOf(identity.getRoles()));
    }

    private static String claim(JsonWebToken token, String name, String fallback) {
        Object value = token.getClaim(name);
        return value == null ? fallback : value.toString().replace("\"", "");
    }
}
