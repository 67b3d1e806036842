package org.parley.identity;

/**
 * The realm roles Parley knows; the same names are used by Keycloak and by the demo identity provider.
 */
public final class Roles {

    public static final String COURT_ADMIN = "court-admin";
    public static final String MEDIATOR = "mediator";
    public static final String CO_MEDIATOR = "co_mediator";
    public static final String PARTY = "party";
    public static final String COUNSEL = "counsel";
    public static final String OBSERVER = "observer";

    private Roles() {
    }
}
