package org.parley.bench.parley;

import java.net.URI;
import java.util.List;

/**
 * Where the benchmark's participants come from and how they sign in: the demo identity provider of the demo profile
 * ({@link #DEMO}), or a real Keycloak ({@code org.parley.bench.keycloak.KeycloakIdentity}).
 */
public interface ParleyIdentity {

    /** The demo profile's own identity provider, with generated accounts turned on. */
    ParleyIdentity DEMO = new ParleyIdentity() {
        @Override
        public List<String> serverOptions() {
            return List.of("-Dparley.demo-identity.generated-accounts=true");
        }

        @Override
        public String courtAdmin() {
            return "demo.admin";
        }

        @Override
        public ParleyApi api(URI base) {
            return new ParleyApi(base);
        }

        @Override
        public String invited(String name, String email) {
            return name; // a generated demo account signs in by its name alone, which says its role
        }
    };

    /** The server's system properties that point it at this identity provider. */
    List<String> serverOptions();

    /** The user name of the court administrator who creates the cases and invites everyone. */
    String courtAdmin();

    /** Parley's REST API at {@code base}, its calls signed with this identity provider's tokens. */
    ParleyApi api(URI base);

    /**
     * Readies the account just invited as {@code name} with {@code email} to sign in; answers the user name it signs
     * in with.
     */
    String invited(String name, String email);
}
