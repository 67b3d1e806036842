package org.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.platform.startup.StartupRefusal;

class StartupPreflightTest {

    private static StartupPreflight.Plan check(Map<String, String> settings) {
        return new StartupPreflight(name -> Optional.ofNullable(settings.get(name))).check();
    }

    @Test
    void demoProfileWithoutADatabaseUsesTheEmbeddedOneInTheDataDirectory() {
        StartupPreflight.Plan plan = check(Map.of("quarkus.profile", "demo", "parley.data-dir", "/tmp/parley-x"));
        assertTrue(plan.embeddedDatabase());
        assertEquals(Path.of("/tmp/parley-x"), plan.dataDirectory());
    }

    @Test
    void embeddedDataLivesUnderTheHomeFolderByDefault() {
        StartupPreflight.Plan plan = check(Map.of("quarkus.profile", "demo"));
        assertEquals(Path.of(System.getProperty("user.home"), ".parley"), plan.dataDirectory());
    }

    @Test
    void productionNamesTheFirstMissingRequiredSetting() {
        Map<String, String> settings = new HashMap<>();
        for (String required : StartupPreflight.PRODUCTION_REQUIRED) {
            StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> check(settings));
            assertTrue(refusal.getMessage().startsWith(required + " (" + StartupPreflight.environmentName(required)
                    + ") is required"), refusal.getMessage());
            settings.put(required, required.equals("parley.db.url") ? "postgresql://127.0.0.1:1/x" : "set");
        }
    }

    @Test
    void productionRefusesToLetATokensIssueTimePassForASignIn() {
        StartupRefusal refusal = assertThrows(StartupRefusal.class,
                () -> check(Map.of(StartupPreflight.ISSUED_AT_COUNTS, "true")));
        assertTrue(refusal.getMessage().startsWith(StartupPreflight.ISSUED_AT_COUNTS + " ("
                + "PARLEY_SETTLEMENT_ISSUED_AT_COUNTS_AS_AUTHENTICATION) must not be true"), refusal.getMessage());
    }

    @Test
    void productionIsTheDefaultProfileAndRefusesTheDemoIdentityProvider() {
        StartupRefusal refusal = assertThrows(StartupRefusal.class,
                () -> check(Map.of("parley.demo-identity.enabled", "true")));
        assertTrue(refusal.getMessage().startsWith("parley.demo-identity.enabled"), refusal.getMessage());
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresIsRefusedByName() {
        StartupRefusal refusal = assertThrows(StartupRefusal.class,
                () -> check(Map.of("quarkus.profile", "demo", "parley.db.url", "mysql://db/x")));
        assertTrue(refusal.getMessage().startsWith("parley.db.url (PARLEY_DB_URL) is not a URL"), refusal.getMessage());
    }

    @Test
    void environmentNamesFollowTheMicroProfileRule() {
        assertEquals("PARLEY_DEMO_IDENTITY_ENABLED", StartupPreflight.environmentName("parley.demo-identity.enabled"));
        assertFalse(StartupPreflight.environmentName("parley.db.url").contains("."));
    }

    @Test
    void aProfileListNamingProdAndDemoIsRefusedBeforeAnythingStarts() {
        StartupRefusal refusal = assertThrows(StartupRefusal.class, () -> check(Map.of("quarkus.profile", "prod,demo")));
        assertEquals("quarkus.profile (QUARKUS_PROFILE) must not combine the production profile with demo",
                refusal.getMessage());
    }

    @Test
    void aProfileListNamingProdGetsTheProductionChecks() {
        StartupRefusal refusal = assertThrows(StartupRefusal.class,
                () -> check(Map.of("quarkus.profile", "eu-west, prod", "parley.demo-identity.enabled", "true")));
        assertTrue(refusal.getMessage().startsWith("parley.demo-identity.enabled"), refusal.getMessage());
        assertThrows(StartupRefusal.class, () -> check(Map.of("quarkus.profile", "prod,eu-west")),
                "a required setting is missing");
    }

    @Test
    void profileListsSplitOnCommasAndIgnoreBlanks() {
        assertEquals(List.of("prod", "demo"), StartupPreflight.profiles(" prod , demo ,"));
    }

    @Test
    void environmentNamesDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            // In Turkish, "i".toUpperCase() is "\u0130", which the MicroProfile rule would turn into "_".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("PARLEY_DEMO_IDENTITY_ENABLED", StartupPreflight.environmentName("parley.demo-identity.enabled"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
