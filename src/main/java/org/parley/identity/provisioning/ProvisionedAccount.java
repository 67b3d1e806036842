package org.parley.identity.provisioning;

/**
 * The account an invitation was bound to: its subject (the identity provider's user id) and whether it was created
 * for this invitation; a {@code null} subject means no account was provisioned and the invitation waits for a
 * sign-in with a verified email.
 */
public record ProvisionedAccount(String subject, boolean created) {

    public static ProvisionedAccount created(String subject) {
        return new ProvisionedAccount(subject, true);
    }

    public static ProvisionedAccount linked(String subject) {
        return new ProvisionedAccount(subject, false);
    }

    public static ProvisionedAccount notProvisioned() {
        return new ProvisionedAccount(null, false);
    }

    public boolean provisioned() {
        return subject != null;
    }
}
