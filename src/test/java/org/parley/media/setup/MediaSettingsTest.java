package org.parley.media.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.platform.startup.StartupRefusal;

/** How the server gets its media, decided before start-up, and which settings refuse to start. */
class MediaSettingsTest {

    private static final Path JANUS = Path.of("/usr/bin/janus");
    private static final Map<String, String> EXTERNAL = Map.of(
            "parley.media.url", "http://janus.internal:8088/janus",
            "parley.media.admin-url", "http://janus.internal:7088/admin",
            "parley.media.api-secret", "api-s3cret",
            "parley.media.admin-secret", "admin-s3cret");

    @Test
    void theQuickStartEmbedsJanusWhenItIsInstalled() {
        MediaSettings.Embedded embedded = assertInstanceOf(MediaSettings.Embedded.class,
                plan("demo", Map.of("parley.data-dir", "/tmp/p"), true));
        assertEquals(JANUS, embedded.binary());
        assertEquals(Path.of("/tmp/p"), embedded.parentDirectory());
        assertEquals("20000-20200", embedded.rtpPorts());
    }

    @Test
    void withoutJanusTheServerIsTextOnlyAndSaysHowToEnableMediaInOneLine() {
        MediaSettings.Off off = assertInstanceOf(MediaSettings.Off.class, plan("demo", Map.of(), false));
        String notice = off.notice().orElseThrow();
        assertTrue(notice.contains("apt-get install -y janus"), notice);
        assertFalse(notice.contains("\n"));
    }

    @Test
    void mediaSwitchedOffStartsNoJanusAndSaysNothing() {
        assertEquals(new MediaSettings.Off(Optional.empty()),
                plan("demo", Map.of("parley.media.enabled", "false"), true));
    }

    @Test
    void anExternalJanusNeedsItsAdminUrlAndBothSecrets() {
        MediaSettings.External external = assertInstanceOf(MediaSettings.External.class,
                plan("prod", EXTERNAL, true));
        assertEquals("http://janus.internal:8088/janus", external.endpoint().api().toString());
        assertFalse(external.endpoint().toString().contains("s3cret"), "a secret in the endpoint's text");
        for (String required : new String[] {"parley.media.admin-url", "parley.media.api-secret",
                "parley.media.admin-secret"}) {
            Map<String, String> missing = new HashMap<>(EXTERNAL);
            missing.remove(required);
            StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> plan("demo", missing, true));
            assertTrue(refusal.getMessage().startsWith(required), refusal.getMessage());
        }
    }

    @Test
    void productionNeverEmbedsJanus() {
        MediaSettings.Off off = assertInstanceOf(MediaSettings.Off.class, plan("prod", Map.of(), true));
        assertTrue(off.notice().orElseThrow().contains("parley.media.url"));
        StartupRefusal refusal = assertThrows(StartupRefusal.class,
                () -> plan("prod", Map.of("parley.media.enabled", "true"), true));
        assertTrue(refusal.getMessage().startsWith("parley.media.url (PARLEY_MEDIA_URL)"), refusal.getMessage());
    }

    @Test
    void aBadTurnSettingRefusesToStartWhateverJanusIsButNotWhenMediaIsOff() {
        Map<String, String> halfTurn = new HashMap<>(EXTERNAL);
        halfTurn.put("parley.media.turn.urls", "turn:turn.example.org:3478");
        StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> plan("prod", halfTurn, true));
        assertTrue(refusal.getMessage().startsWith("parley.media.turn.secret (PARLEY_MEDIA_TURN_SECRET)"),
                refusal.getMessage());
        assertThrows(StartupRefusal.class, () -> plan("demo", Map.of("parley.media.turn.secret", "s"), false));
        halfTurn.put("parley.media.enabled", "false");
        assertEquals(new MediaSettings.Off(Optional.empty()), plan("prod", halfTurn, true));
    }

    @Test
    void mediaRequiredButUnavailableRefusesToStart() {
        assertThrows(StartupRefusal.class, () -> plan("demo", Map.of("parley.media.enabled", "true"), false));
    }

    @Test
    void badValuesRefuseToStart() {
        assertThrows(StartupRefusal.class, () -> plan("demo", Map.of("parley.media.enabled", "yes"), true));
        Map<String, String> badUrl = new HashMap<>(EXTERNAL);
        badUrl.put("parley.media.url", "janus:8088");
        assertThrows(StartupRefusal.class, () -> plan("demo", badUrl, true));
    }

    private static MediaSettings.Plan plan(String profile, Map<String, String> settings, boolean installed) {
        return new MediaSettings(name -> Optional.ofNullable(settings.get(name)),
                () -> installed ? Optional.of(JANUS) : Optional.empty()).check(profile);
    }
}
