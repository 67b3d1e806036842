package org.parley.identity.provisioning;

import io.smallrye.mutiny.Uni;
import org.parley.identity.Roles;
import org.parley.identity.demo.DemoAccounts;
import org.parley.platform.problem.ApiException;

/**
 * The quick start's provisioner: there is no identity provider to create accounts in, so an invitation binds to a
 * fixed demo account when the email is one of theirs and otherwise stays unprovisioned.
 */
public class DemoAccountProvisioner implements AccountProvisioner {

    private final String demoCourt;
    private final DemoAccounts accounts;

    /**
     * @param demoCourt the court every demo account belongs to
     * @param accounts the accounts the demo identity provider signs in
     */
    public DemoAccountProvisioner(String demoCourt, DemoAccounts accounts) {
        this.demoCourt = demoCourt;
        this.accounts = accounts;
    }

    @Override
    public Uni<ProvisionedAccount> provision(String email, String displayName, String realmRole, String court) {
        return Uni.createFrom().item(() -> accounts.byEmail(email)
                .map(account -> {
                    if (!demoCourt.equals(court)) {
                        throw ApiException.conflict("account_in_other_court",
                                "an account with this email belongs to another court");
                    }
                    if (Roles.COURT_ADMIN.equals(account.role())) {
                        throw ApiException.conflict("separation_of_duties",
                                "an account that administers the court cannot take part in its cases");
                    }
                    return ProvisionedAccount.linked(account.subject());
                })
                .orElseGet(ProvisionedAccount::notProvisioned));
    }

    @Override
    public Uni<Boolean> isEnabled(String subject) {
        return Uni.createFrom().item(accounts.bySubject(subject).isPresent());
    }

    /** The demo accounts are fixed and never created for a case, so there is nothing to disable. */
    @Override
    public Uni<Boolean> disable(String subject) {
        return Uni.createFrom().item(false);
    }

    /** The demo accounts are fixed and never created for a case, so there is nothing to delete. */
    @Override
    public Uni<Boolean> delete(String subject) {
        return Uni.createFrom().item(false);
    }
}
