package org.parley.attestation.service;

import org.parley.room.domain.CaucusPolicy;

/**
 * The part of a case's agreement that states its caucus policy and the legal exceptions to confidentiality. It is
 * appended to the court's text, so the version and hash each participant accepts cover the policy too.
 */
final class PolicyClause {

    static final String RELEASE_REQUIRED = "Caucus policy: release required. What you say in a caucus stays with"
            + " your own side and the mediator. The mediator passes on a caucus item only when your party releases"
            + " it, one item at a time.";
    static final String OPEN_CAUCUS = "Caucus policy: open caucus. There are no secrets between the parties: the"
            + " mediator may share anything said in a caucus with the other side or the joint room, without a"
            + " release.";
    static final String EXCEPTIONS = "Confidentiality has legal exceptions: if something said shows a threat of"
            + " bodily harm, abuse or neglect, or the planning of a crime, the mediator may have to report that one"
            + " statement. Your side is told when that happens.";

    private PolicyClause() {
    }

    static String of(CaucusPolicy policy) {
        return (policy == CaucusPolicy.OPEN_CAUCUS ? OPEN_CAUCUS : RELEASE_REQUIRED) + "\n\n" + EXCEPTIONS;
    }

    /** The court's text followed by the case's policy clause: the text a participant reads and accepts. */
    static String appendTo(String body, CaucusPolicy policy) {
        return body + "\n\n" + of(policy);
    }
}
