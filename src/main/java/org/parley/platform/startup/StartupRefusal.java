package org.parley.platform.startup;

/**
 * A start-up problem the operator must fix, stated in one line that names the setting.
 */
public final class StartupRefusal extends RuntimeException {

    public StartupRefusal(String message) {
        super(message, null, false, false);
    }
}
