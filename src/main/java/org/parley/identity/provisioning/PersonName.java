package org.parley.identity.provisioning;

import java.util.regex.Pattern;

/**
 * Splits a display name into the first and last name of an identity-provider account, without the characters that
 * Keycloak's {@code person-name-prohibited-characters} validator refuses.
 */
record PersonName(String first, String last) {

    // Keycloak 26 refuses these in firstName/lastName; the case keeps the display name as typed, the account only
    // needs a readable name, so dropping them beats refusing the invitation.
    private static final Pattern PROHIBITED = Pattern.compile("[<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]");
    private static final int MAX = 255;

    static PersonName of(String displayName) {
        String cleaned = displayName == null ? ""
                : PROHIBITED.matcher(displayName).replaceAll(" ").trim().replaceAll("\\s+", " ");
        if (cleaned.isEmpty()) {
            return new PersonName(null, null);
        }
        int space = cleaned.indexOf(' ');
        if (space < 0) {
            return new PersonName(limit(cleaned), null);
        }
        return new PersonName(limit(cleaned.substring(0, space)), limit(cleaned.substring(space + 1)));
    }

    private static String limit(String value) {
        return value.length() <= MAX ? value : value.substring(0, MAX).trim();
    }
}
