package org.parley.caseload.service;

import org.parley.caseload.MediationCase;
import org.parley.platform.problem.ApiException;

/**
 * A closed (or purged) case takes no new sessions and no new invitations; every path that adds to a case asks here
 * first, before it changes anything.
 */
public final class CaseState {

    /** The problem code of anything refused because the case is closed. */
    public static final String CLOSED_CODE = "case_closed";

    private CaseState() {
    }

    public static void requireOpen(MediationCase mediationCase) {
        if (!mediationCase.open()) {
            throw closed();
        }
    }

    public static ApiException closed() {
        return ApiException.conflict(CLOSED_CODE, "this case is closed");
    }
}
