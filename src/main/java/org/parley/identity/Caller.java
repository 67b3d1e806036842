package org.parley.identity;

import java.util.Set;

/**
 * The verified person behind a request: who they are, which court they belong to and which roles they hold.
 * Built only from a verified token, never from request parameters.
 */
public record Caller(String subject, String username, String displayName, String email, boolean emailVerified,
        String court, Set<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
