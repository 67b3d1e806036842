package org.parley.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * One Keycloak admin client for the application's life, built from the {@code quarkus.keycloak.admin-client.*}
 * settings.
 *
 * <p>The extension's own client is request-scoped: every request that touches it builds a new HTTP client, asks
 * Keycloak for a new service-account token and closes both again, so every room ticket cost Keycloak a token grant
 * on top of the account check. This client keeps its token until shortly before it expires (the admin client's
 * token manager renews it then, and drops it when Keycloak answers 401, so only that one call fails) and reuses
 * its connections. The extension's bean is a default bean, so this one replaces it. It is built when first asked
 * for, which the demo profile never does. Its HTTP client comes from the provider the extension installs, with the
 * same TLS settings.
 */
@ApplicationScoped
public class KeycloakAdminClientProducer {

    private final String serverUrl;
    private final String realm;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final String grantType;
    private final Optional<String> username;
    private final Optional<String> password;

    public KeycloakAdminClientProducer(
            @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url") String serverUrl,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "master") String realm,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id", defaultValue = "admin-cli")
            String clientId,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret") Optional<String> clientSecret,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.grant-type", defaultValue = "PASSWORD")
            String grantType,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.password") Optional<String> password) {
        this.serverUrl = serverUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        // The extension's names (PASSWORD, CLIENT_CREDENTIALS) are the OAuth grant types in capitals.
        this.grantType = grantType.toLowerCase(Locale.ROOT);
        this.username = username;
        this.password = password;
    }

    @Produces
    @Singleton // no client proxy: the admin client has no constructor a proxy could use
    Keycloak adminClient() {
        return KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(realm)
                .clientId(clientId)
                .clientSecret(clientSecret.orElse(null))
                .grantType(grantType)
                .username(username.orElse(null))
                .password(password.orElse(null))
                .build();
    }

    void close(@Disposes Keycloak client) {
        client.close();
    }
}
