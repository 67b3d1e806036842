package org.parley.platform.startup;

import java.util.Locale;

/** The environment variable that sets a configuration property, by the MicroProfile Config rule. */
public final class EnvironmentNames {

    private EnvironmentNames() {
    }

    public static String of(String property) {
        // Locale.ROOT: in a Turkish locale "i".toUpperCase() is a dotted capital I, and PARLEY_DB_URL would not match.
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
