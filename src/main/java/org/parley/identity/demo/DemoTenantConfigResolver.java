package org.parley.identity.demo;

import com.nimbusds.jwt.JWTParser;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;

/**
 * Sends bearer tokens issued by the demo identity provider to an OIDC tenant that verifies them with the demo key;
 * every other token goes to the default (Keycloak) tenant.
 */
@ApplicationScoped
public class DemoTenantConfigResolver implements TenantConfigResolver {

    private static final String BEARER = "Bearer ";

    private final DemoIdentityProvider provider;
    private final OidcTenantConfig demoTenant;

    public DemoTenantConfigResolver(DemoIdentityProvider provider) {
        this.provider = provider;
        this.demoTenant = provider.enabled() ? OidcTenantConfig.builder()
                .tenantId("demo")
                .applicationType(ApplicationType.SERVICE)
                .publicKey(provider.publicKeyPem())
                .token().issuer(provider.issuer()).audience(provider.audience()).end()
                .build() : null;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        if (demoTenant == null || !provider.issuer().equals(unverifiedIssuer(context))) {
            return null;
        }
        // The issuer is read unverified only to pick the tenant; the demo tenant then verifies the signature.
        return Uni.createFrom().item(demoTenant);
    }

    private static String unverifiedIssuer(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return null;
        }
        try {
            return JWTParser.parse(authorization.substring(BEARER.length()).trim()).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return null;
        }
    }
}
