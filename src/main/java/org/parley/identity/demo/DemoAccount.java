package org.parley.identity.demo;

import java.util.List;
import org.parley.identity.Roles;

/**
 * One of the fixed demo accounts of the embedded identity provider.
 */
public record DemoAccount(String username, String displayName, String role) {

    /** The accounts listed on the quick-start sign-in page. */
    public static final List<DemoAccount> ALL = List.of(
            new DemoAccount("demo.admin", "Ada Admin (court-admin)", Roles.COURT_ADMIN),
            new DemoAccount("demo.mediator", "Maya Mediator", Roles.MEDIATOR),
            new DemoAccount("demo.party.a", "Paul Party (side A)", Roles.PARTY),
            new DemoAccount("demo.party.b", "Petra Party (side B)", Roles.PARTY),
            new DemoAccount("demo.counsel.a", "Carl Counsel (side A)", Roles.COUNSEL));

    /** Demo subjects are stable so that invitations made for them survive a restart. */
    public String subject() {
        return "demo-" + username.replace('.', '-');
    }

    public String email() {
        return username + "@demo.parley.invalid";
    }
}
