package org.parley.media.turn;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.parley.platform.StartupPreflight;
import org.parley.platform.startup.StartupRefusal;

/**
 * The TURN settings ({@code parley.media.turn.*}), checked once: URIs and secret come together or not at all,
 * every URI is a {@code turn:} or {@code turns:} URI (optionally {@code ?transport=udp|tcp}), and the credential
 * lifetime is positive and at most a day. A bad value refuses start-up, naming the setting; the secret never
 * appears in a message.
 */
public record TurnSettings(List<String> urls, String secret, Duration lifetime) {

    public static final String URLS = "parley.media.turn.urls";
    public static final String SECRET = "parley.media.turn.secret";
    public static final String LIFETIME = "parley.media.turn.credential-lifetime";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    private static final Duration LONGEST_LIFETIME = Duration.ofDays(1);
    private static final Pattern TURN_URI = Pattern.compile("turns?:[A-Za-z0-9.\\-\\[\\]:]+(\\?transport=(udp|tcp))?");

    /** Reads and checks the settings; empty when TURN is not configured. */
    public static Optional<TurnSettings> from(Function<String, Optional<String>> settings) {
        Optional<String> urls = settings.apply(URLS).filter(value -> !value.isBlank());
        Optional<String> secret = settings.apply(SECRET).filter(value -> !value.isBlank());
        Duration lifetime = settings.apply(LIFETIME).filter(value -> !value.isBlank())
                .map(TurnSettings::duration).orElse(DEFAULT_LIFETIME);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw refusal(LIFETIME, "must be more than zero and at most one day (PT24H)");
        }
        if (urls.isEmpty()) {
            if (secret.isPresent()) {
                throw refusal(URLS, "is required when " + SECRET + " is set");
            }
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            throw refusal(SECRET, "is required when " + URLS + " is set");
        }
        List<String> parsed = Arrays.stream(urls.get().split(",")).map(String::trim).filter(url -> !url.isEmpty())
                .toList();
        for (String url : parsed) {
            if (!TURN_URI.matcher(url).matches()) {
                throw refusal(URLS, "holds '" + url + "', which is not turn:HOST[:PORT] or turns:HOST[:PORT]"
                        + " (optionally ?transport=udp or ?transport=tcp)");
            }
        }
        if (parsed.isEmpty()) {
            throw refusal(URLS, "names no TURN URI");
        }
        return Optional.of(new TurnSettings(parsed, secret.get(), lifetime));
    }

    /** The minter for these settings. */
    public TurnCredentials credentials(Clock clock, Random random) {
        return new TurnCredentials(urls, secret, lifetime, clock, random);
    }

    @Override
    public String toString() {
        return "TurnSettings[urls=" + urls + ", lifetime=" + lifetime + "]";
    }

    /** A duration as Quarkus reads one: ISO-8601 ({@code PT10M}), or a number with ms, s, m, h or d, or seconds. */
    static Duration duration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            if (text.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.matches("\\d+d")) {
                return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.matches("\\d+[smh]")) {
                return Duration.parse("PT" + text);
            }
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw refusal(LIFETIME, "is not a duration (e.g. PT10M or 10m)");
        }
    }

    private static StartupRefusal refusal(String property, String problem) {
        return new StartupRefusal(property + " (" + StartupPreflight.environmentName(property) + ") " + problem);
    }
}
