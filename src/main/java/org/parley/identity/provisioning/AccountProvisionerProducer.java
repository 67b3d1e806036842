package org.parley.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.parley.identity.demo.DemoAccounts;
import org.parley.identity.demo.DemoIdentityConfig;

/**
 * Chooses the account provisioner at start-up: Keycloak, or the demo accounts when the quick start runs without
 * Keycloak. {@code parley.oidc.enabled} is a runtime setting, so the choice is made here and not at build time.
 */
@ApplicationScoped
public class AccountProvisionerProducer {

    private final boolean oidcEnabled;
    private final DemoIdentityConfig demo;
    private final String realm;
    private final Instance<Keycloak> keycloak;

    public AccountProvisionerProducer(@ConfigProperty(name = "parley.oidc.enabled", defaultValue = "true") boolean oidcEnabled,
            DemoIdentityConfig demo,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "parley") String realm,
            Instance<Keycloak> keycloak) {
        this.oidcEnabled = oidcEnabled;
        this.demo = demo;
        this.realm = realm;
        this.keycloak = keycloak;
    }

    @Produces
    @ApplicationScoped
    AccountProvisioner accountProvisioner() {
        if (demo.enabled() && !oidcEnabled) {
            return new DemoAccountProvisioner(demo.court(), new DemoAccounts(demo.generatedAccounts()));
        }
        // Only here is the admin client built: the demo profile never asks for it.
        return new KeycloakAccountProvisioner(keycloak.get(), realm);
    }
}
