package org.parley.identity.demo;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.identity.Roles;

/**
 * The accounts the embedded identity provider knows: the fixed demo accounts and, when the benchmark asks for them
 * ({@code parley.demo-identity.generated-accounts}), any number of generated ones whose name says their role, such
 * as {@code bench-party-s17a}. Generated accounts go through the same invitation, agreement, attestation, ticket and
 * Origin checks as everyone else; they only spare a load test from creating thousands of accounts by hand.
 */
public final class DemoAccounts {

    /** {@code bench-<role>-<tag>}: a role that may take part in a case, and up to 32 lower-case letters or digits. */
    private static final Pattern GENERATED = Pattern.compile("bench-(mediator|party|counsel)-([a-z0-9]{1,32})");
    private static final String GENERATED_EMAIL_DOMAIN = "@bench.parley.invalid";

    private final boolean generated;

    /** @param generated whether generated benchmark accounts exist besides the fixed demo accounts */
    public DemoAccounts(boolean generated) {
        this.generated = generated;
    }

    /** The fixed demo accounts, as the sign-in page lists them (never the generated ones). */
    public List<DemoAccount> listed() {
        return DemoAccount.ALL;
    }

    public Optional<DemoAccount> byUsername(String username) {
        return find(account -> account.username().equals(username), username);
    }

    public Optional<DemoAccount> byEmail(String email) {
        String trimmed = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        String username = trimmed.endsWith(GENERATED_EMAIL_DOMAIN)
                ? trimmed.substring(0, trimmed.length() - GENERATED_EMAIL_DOMAIN.length()) : null;
        return find(account -> account.email().equalsIgnoreCase(trimmed), username);
    }

    public Optional<DemoAccount> bySubject(String subject) {
        String username = subject != null && subject.startsWith(DemoAccount.SUBJECT_PREFIX)
                ? subject.substring(DemoAccount.SUBJECT_PREFIX.length()) : null;
        return find(account -> account.subject().equals(subject), username);
    }

    /** A fixed account matching {@code fixed}, else the generated account named {@code generatedName}, if any. */
    private Optional<DemoAccount> find(Predicate<DemoAccount> fixed, String generatedName) {
        Optional<DemoAccount> known = DemoAccount.ALL.stream().filter(fixed).findFirst();
        if (known.isPresent() || !generated || generatedName == null) {
            return known;
        }
        Matcher matcher = GENERATED.matcher(generatedName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String role = switch (matcher.group(1)) {
            case "mediator" -> Roles.MEDIATOR;
            case "counsel" -> Roles.COUNSEL;
            default -> Roles.PARTY;
        };
        return Optional.of(new DemoAccount(generatedName, generatedName, role, generatedName + GENERATED_EMAIL_DOMAIN));
    }
}
