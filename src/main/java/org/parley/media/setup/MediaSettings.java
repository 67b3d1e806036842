package org.parley.media.setup;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.parley.media.janus.JanusEndpoint;
import org.parley.media.turn.TurnSettings;
import org.parley.platform.StartupPreflight;
import org.parley.platform.startup.StartupRefusal;

/**
 * Decides, before Quarkus starts, how this server gets its media: an external Janus, an embedded one (outside
 * production, when the binary is installed), or none (text only, said in one line). Unsafe settings refuse start-up.
 */
public final class MediaSettings {

    /** How the server gets media. */
    public sealed interface Plan {
    }

    /** Use this Janus. */
    public record External(JanusEndpoint endpoint) implements Plan {
    }

    /** Start a Janus from this binary, with its files under {@code parentDirectory}. */
    public record Embedded(Path binary, Path parentDirectory, String rtpPorts) implements Plan {
    }

    /** Text only; {@code notice} is the one line to print, if any. */
    public record Off(Optional<String> notice) implements Plan {
    }

    public static final String ENABLE_HINT = "parley: voice and video are off: Janus is not installed;"
            + " to enable them run: sudo apt-get install -y janus (then restart Parley)";
    private static final List<String> EXTERNAL_REQUIRED = List.of("parley.media.admin-url", "parley.media.api-secret",
            "parley.media.admin-secret");

    private final Function<String, Optional<String>> settings;
    private final Supplier<Optional<Path>> binary;

    public MediaSettings(Function<String, Optional<String>> settings, Supplier<Optional<Path>> binary) {
        this.settings = settings;
        this.binary = binary;
    }

    public Plan check(String profile) {
        String enabled = setting("parley.media.enabled").orElse("auto").trim().toLowerCase();
        if (!List.of("auto", "true", "false").contains(enabled)) {
            throw refusal("parley.media.enabled", "must be auto, true or false");
        }
        if (enabled.equals("false")) {
            return new Off(Optional.empty());
        }
        // Checked whether or not a Janus is found, so that a bad TURN setting is caught before the first grant.
        TurnSettings.from(settings);
        Optional<String> url = setting("parley.media.url");
        if (url.isPresent()) {
            for (String required : EXTERNAL_REQUIRED) {
                if (setting(required).isEmpty()) {
                    throw refusal(required, "is required when parley.media.url is set");
                }
            }
            return new External(new JanusEndpoint(uri("parley.media.url", url.get()),
                    uri("parley.media.admin-url", setting("parley.media.admin-url").orElseThrow()),
                    setting("parley.media.api-secret").orElseThrow(),
                    setting("parley.media.admin-secret").orElseThrow(),
                    setting("parley.media.room-admin-key")));
        }
        if (StartupPreflight.profiles(profile).contains("prod")) {
            // Production never starts a Janus of its own: media there needs a Janus run and secured by the operator.
            if (enabled.equals("true")) {
                throw refusal("parley.media.url", "is required in the production profile when media is enabled");
            }
            return new Off(Optional.of("parley: voice and video are off: no Janus configured (parley.media.url)"));
        }
        Optional<Path> found = binary.get();
        if (found.isEmpty()) {
            if (enabled.equals("true")) {
                throw refusal("parley.media.enabled", "is true but Janus is not installed and parley.media.url is"
                        + " not set (install it with: sudo apt-get install -y janus)");
            }
            return new Off(Optional.of(ENABLE_HINT));
        }
        Path parent = setting("parley.data-dir").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".parley"));
        return new Embedded(found.get(), parent, setting("parley.media.rtp-ports").orElse("20000-20200"));
    }

    private Optional<String> setting(String name) {
        return settings.apply(name);
    }

    private static URI uri(String property, String value) {
        try {
            URI uri = URI.create(value.replaceAll("/+$", ""));
            if (uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw refusal(property, "is not an http(s) URL");
        }
    }

    private static StartupRefusal refusal(String property, String problem) {
        return new StartupRefusal(property + " (" + StartupPreflight.environmentName(property) + ") " + problem);
    }
}
