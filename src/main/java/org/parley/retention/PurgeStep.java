package org.parley.retention;

/**
 * The steps of one case's purge, in the order they run. Each is safe to repeat, and each commits together with the
 * record that it is done, so a purge that stopped anywhere resumes at the first step not recorded.
 *
 * <p>Accounts go first, while the case still knows which ones it created; the data key goes last, so that until
 * then an interrupted purge leaves every sealed field readable for the purge's own next attempt.
 */
public enum PurgeStep {
    /** Accounts created only for this case can no longer sign in. */
    DISABLE_ACCOUNTS,
    /** Those accounts are deleted in the identity provider. */
    DELETE_ACCOUNTS,
    /** The sessions' journal, releases, caucus reviews and attestations are deleted. */
    SESSION_RECORDS,
    /** The case's agreement, its acceptances and third-party consents are deleted. */
    CASE_RECORDS,
    /** The participants (names, e-mails, display names, invitations) are deleted and the title is blanked. */
    PARTICIPANTS,
    /** The case's data key is deleted: the sealed fields of its audit records and outcomes are unreadable. */
    SHRED_KEY;

    /** Steps done before this one; the value {@code case_purge.steps_done} holds once this one is done is one more. */
    public int position() {
        return ordinal();
    }
}
