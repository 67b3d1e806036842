package org.parley.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.parley.identity.demo.DemoIdentityGuard;
import org.parley.platform.startup.EnvironmentNames;
import org.parley.platform.startup.StartupRefusal;

/**
 * Checks the settings that decide how Parley starts, before Quarkus runs, so that bad configuration ends
 * start-up with one clear line instead of a stack trace.
 *
 * <p>It sees only system properties and environment variables, because the configuration files are read by
 * Quarkus itself. {@link org.parley.identity.demo.DemoIdentityStartupGuard} repeats the production check on the
 * configuration Quarkus resolved, so a setting in a file or a profile list cannot slip past.
 */
public final class StartupPreflight {

    /** Settings production cannot run without; each is read as a system property or its environment variable. */
    public static final List<String> PRODUCTION_REQUIRED = List.of(
            "parley.db.url",
            "parley.db.username",
            "parley.db.password",
            "parley.oidc.auth-server-url",
            "parley.keycloak.client-secret",
            "parley.ticket.signing-key");

    /** Lets a token's iat stand in for auth_time when signing the settlement agreement: for test clients only. */
    public static final String ISSUED_AT_COUNTS = "parley.settlement.issued-at-counts-as-authentication";

    private static final int DATABASE_CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Function<String, Optional<String>> settings;

    /** What {@link org.parley.ParleyMain} should do after the checks passed. */
    public record Plan(String profile, boolean embeddedDatabase, Path dataDirectory) {
    }

    StartupPreflight(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /** Reads settings the way Quarkus does: a system property first, then its environment variable. */
    public static StartupPreflight fromEnvironment() {
        return new StartupPreflight(environmentSettings());
    }

    /** Settings as Quarkus reads them: a system property first, then its environment variable; blank is absent. */
    public static Function<String, Optional<String>> environmentSettings() {
        Map<String, String> env = System.getenv();
        return name -> Optional.ofNullable(System.getProperty(name))
                .or(() -> Optional.ofNullable(env.get(environmentName(name))))
                .filter(value -> !value.isBlank());
    }

    /** The environment variable for a property name, by the MicroProfile Config rule. */
    public static String environmentName(String property) {
        return EnvironmentNames.of(property);
    }

    /** The active profiles of a {@code quarkus.profile} value: Quarkus accepts a comma-separated list. */
    public static List<String> profiles(String profileSetting) {
        return Arrays.stream(profileSetting.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    public Plan check() {
        String profile = setting("quarkus.profile").orElse("prod");
        List<String> profiles = profiles(profile);
        // "prod,demo" is production too: any list naming prod gets every production check.
        boolean production = profiles.contains("prod");
        boolean demoIdentity = setting("parley.demo-identity.enabled").map(Boolean::parseBoolean).orElse(!production);
        Optional<String> unsafe = DemoIdentityGuard.refusal(profiles, demoIdentity);
        if (unsafe.isPresent()) {
            throw new StartupRefusal(unsafe.get());
        }
        if (production && setting(ISSUED_AT_COUNTS).map(Boolean::parseBoolean).orElse(false)) {
            // A refreshed token has a new iat, so in production only auth_time can show a fresh sign-in.
            throw refusal(ISSUED_AT_COUNTS, "must not be true in the production profile");
        }
        if (production) {
            for (String required : PRODUCTION_REQUIRED) {
                if (setting(required).isEmpty()) {
                    throw refusal(required, "is required in the production profile");
                }
            }
        }
        Optional<String> databaseUrl = setting("parley.db.url");
        if (databaseUrl.isPresent()) {
            checkReachable(databaseUrl.get());
            return new Plan(profile, false, null);
        }
        Path dataDirectory = setting("parley.data-dir").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".parley"));
        return new Plan(profile, true, dataDirectory);
    }

    private Optional<String> setting(String name) {
        return settings.apply(name);
    }

    private static void checkReachable(String databaseUrl) {
        URI uri;
        try {
            uri = URI.create(databaseUrl.replaceFirst("^jdbc:", ""));
        } catch (IllegalArgumentException e) {
            throw refusal("parley.db.url", "is not a URL of the form postgresql://host:port/database");
        }
        if (uri.getHost() == null || !"postgresql".equals(uri.getScheme())) {
            throw refusal("parley.db.url", "is not a URL of the form postgresql://host:port/database");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), DATABASE_CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw refusal("parley.db.url", "database at " + uri.getHost() + ":" + port + " is unreachable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static StartupRefusal refusal(String property, String problem) {
        return new StartupRefusal(property + " (" + environmentName(property) + ") " + problem);
    }
}
