package org.parley.identity.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Plain JUnit: how display names become Keycloak first and last names. */
class PersonNameTest {

    @Test
    void splitsAtTheFirstSpace() {
        assertEquals(new PersonName("Ada", "de la Cruz"), PersonName.of("  Ada   de la Cruz "));
    }

    @Test
    void aSingleWordIsAFirstName() {
        assertEquals(new PersonName("Cher", null), PersonName.of("Cher"));
    }

    @Test
    void dropsCharactersKeycloakRefusesInNames() {
        assertEquals(new PersonName("Paul", "Party side A"), PersonName.of("Paul Party (side A)"));
        assertEquals(new PersonName(null, null), PersonName.of("<>{}"));
    }

    @Test
    void keepsNamesWithinKeycloaksLength() {
        assertEquals(255, PersonName.of("x".repeat(300)).first().length());
    }
}
