package org.parley.identity.provisioning;

import io.smallrye.mutiny.Uni;

/**
 * Creates or links the sign-in account of an invited person, so that their first sign-in already matches the
 * invitation.
 */
public interface AccountProvisioner {

    /**
     * Creates the account if no account has this email, or links the existing one: the realm role is added when
     * missing, the court is never changed. Fails with {@code 409 account_in_other_court} when the existing account
     * belongs to another court (or to none), and with {@code 409 separation_of_duties} when it holds the court-admin
     * role: whoever administers a court is never a participant of its cases. A refusal changes no account.
     *
     * @param email       the invited person's email, also their user name when the account is created
     * @param displayName the name shown to the case, split into first and last name for the account
     * @param realmRole   the realm role to hold (a case role: mediator, party, counsel or observer)
     * @param court       the court (tenant) of the case the person is invited to
     */
    Uni<ProvisionedAccount> provision(String email, String displayName, String realmRole, String court);

    /** Whether the account with this subject exists and may sign in. */
    Uni<Boolean> isEnabled(String subject);

    /**
     * Disables the account, so that it can no longer sign in; answers false when there is no such account (already
     * deleted). Safe to repeat.
     */
    Uni<Boolean> disable(String subject);

    /** Deletes the account; answers false when there is no such account (already deleted). Safe to repeat. */
    Uni<Boolean> delete(String subject);
}
