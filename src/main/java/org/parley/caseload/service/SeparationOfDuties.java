package org.parley.caseload.service;

import java.util.Locale;
import org.parley.identity.Caller;
import org.parley.identity.Roles;
import org.parley.identity.provisioning.ProvisionedAccount;
import org.parley.platform.problem.ApiException;

/**
 * An account that administers a court never takes part in that court's cases: a court-admin may not invite itself,
 * by email or by account, and provisioning refuses to link an account that holds the court-admin role (see
 * {@link org.parley.identity.provisioning.AccountProvisioner}). Court-admins see no session content.
 */
final class SeparationOfDuties {

    static final String CODE = "separation_of_duties";

    private SeparationOfDuties() {
    }

    /** Checked before anything is looked up or provisioned, so a refused self-invitation changes nothing. */
    static void refuseSelfInvitation(Caller admin, String invitedEmail) {
        if (admin.email() != null && invitedEmail != null
                && normalized(admin.email()).equals(normalized(invitedEmail))) {
            throw refusal();
        }
    }

    /** The account provisioning bound the invitation to must not be the inviting court-admin's own. */
    static void refuseOwnAccount(Caller admin, ProvisionedAccount account) {
        if (account.provisioned() && account.subject().equals(admin.subject())) {
            throw refusal();
        }
    }

    /** A court-admin never claims an invitation by its email, nor gets into a session. */
    static boolean administersACourt(Caller caller) {
        return caller.hasRole(Roles.COURT_ADMIN);
    }

    static ApiException refusal() {
        return ApiException.conflict(CODE, "an account that administers the court cannot take part in its cases");
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
