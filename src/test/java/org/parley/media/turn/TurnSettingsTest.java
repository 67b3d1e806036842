package org.parley.media.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.platform.startup.StartupRefusal;

/** Which TURN settings are taken, and which refuse start-up with a line that names the setting. */
class TurnSettingsTest {

    private static final String SECRET = "s3cret-value";

    @Test
    void noTurnConfiguredMeansNoIceServers() {
        assertEquals(Optional.empty(), TurnSettings.from(settings(Map.of())));
    }

    @Test
    void turnAndTurnsUrisWithTransportsAreTaken() {
        TurnSettings turn = TurnSettings.from(settings(Map.of(TurnSettings.URLS,
                "turn:turn.example.org:3478?transport=udp, turn:turn.example.org:3478?transport=tcp,"
                        + "turns:turn.example.org:5349", TurnSettings.SECRET, SECRET))).orElseThrow();
        assertEquals(List.of("turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp",
                "turns:turn.example.org:5349"), turn.urls());
        assertEquals(Duration.ofMinutes(10), turn.lifetime(), "ten minutes unless configured");
        assertFalse(turn.toString().contains(SECRET));
    }

    @Test
    void theLifetimeIsReadAsQuarkusReadsDurations() {
        for (String[] pair : new String[][] {{"PT5M", "PT5M"}, {"90s", "PT1M30S"}, {"15m", "PT15M"}, {"2h", "PT2H"},
                {"600", "PT10M"}}) {
            TurnSettings turn = TurnSettings.from(settings(Map.of(TurnSettings.URLS, "turn:10.0.0.5:3478",
                    TurnSettings.SECRET, SECRET, TurnSettings.LIFETIME, pair[0]))).orElseThrow();
            assertEquals(Duration.parse(pair[1]), turn.lifetime(), pair[0]);
        }
    }

    @Test
    void urisWithoutSecretOrSecretWithoutUrisRefuseToStart() {
        assertRefused(TurnSettings.SECRET, Map.of(TurnSettings.URLS, "turn:turn.example.org"));
        assertRefused(TurnSettings.URLS, Map.of(TurnSettings.SECRET, SECRET));
    }

    @Test
    void badUrisAndLifetimesRefuseToStart() {
        for (String bad : new String[] {"stun:turn.example.org", "https://turn.example.org", "turn:",
                "turn:turn.example.org?transport=sctp", "turn:host name", ","}) {
            assertRefused(TurnSettings.URLS, Map.of(TurnSettings.URLS, bad, TurnSettings.SECRET, SECRET));
        }
        for (String bad : new String[] {"PT0S", "-5m", "PT-1M", "2d", "soon"}) {
            assertRefused(TurnSettings.LIFETIME, Map.of(TurnSettings.URLS, "turn:turn.example.org",
                    TurnSettings.SECRET, SECRET, TurnSettings.LIFETIME, bad));
        }
    }

    private static void assertRefused(String setting, Map<String, String> values) {
        StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> TurnSettings.from(settings(values)),
                values::toString);
        assertTrue(refusal.getMessage().startsWith(setting + " ("), refusal.getMessage());
        assertFalse(refusal.getMessage().contains(SECRET), "the secret in a refusal: " + refusal.getMessage());
    }

    private static java.util.function.Function<String, Optional<String>> settings(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
