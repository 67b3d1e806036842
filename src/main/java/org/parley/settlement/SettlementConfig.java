package org.parley.settlement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How signing the settlement agreement checks the signer's identity (docs/configuration.md, "Settlement"). */
@ConfigMapping(prefix = "parley.settlement")
public interface SettlementConfig {

    /**
     * How long ago the signer may have authenticated (the token's {@code auth_time}) for a signature to be taken: a
     * signature needs a fresh sign-in, not a token that has been refreshed since the morning.
     */
    @WithDefault("PT5M")
    Duration reauthenticationWindow();

    /**
     * Whether a token without {@code auth_time} counts as authenticated when it was issued ({@code iat}). Keycloak
     * leaves {@code auth_time} out of tokens of the password grant, which only test clients use; a refreshed token
     * has a new {@code iat}, so production keeps this off and takes only {@code auth_time}.
     */
    @WithDefault("false")
    boolean issuedAtCountsAsAuthentication();
}
