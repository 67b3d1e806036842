package org.parley.identity.demo;

import java.util.List;
import org.parley.identity.Roles;

/**
 * An account of the embedded identity provider: one of the fixed demo accounts, or a generated benchmark account
 * (see {@link DemoAccounts}).
 */
public record DemoAccount(String username, String displayName, String role, String email) {

    /** Every demo subject starts with this, so a subject names its account. */
    public static final String SUBJECT_PREFIX = "demo-";

    /** A fixed demo account, whose email is derived from its name. */
    public DemoAccount(String username, String displayName, String role) {
        this(username, displayName, role, username + "@demo.parley.invalid");
    }

    /** The accounts listed on the quick-start sign-in page. */
    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("demo.admin", "Ada Admin (court-admin)", Roles.COURT_ADMIN),
            new DemoAccount("demo.mediator", "Maya Mediator", Roles.MEDIATOR),
            new DemoAccount("demo.comediator", "Cora Co-mediator", Roles.CO_MEDIATOR),
            new DemoAccount("demo.party.a", "Paul Party (side A)", Roles.PARTY),
            new DemoAccount("demo.party.b", "Petra Party (side B)", Roles.PARTY),
            new DemoAccount("demo.counsel.a", "Carl Counsel (side A)", Roles.COUNSEL));

    /** Demo subjects are stable so that invitations made for them survive a restart. */
    public String subject() {
        return SUBJECT_PREFIX + username.replace('.', '-');
    }
}
