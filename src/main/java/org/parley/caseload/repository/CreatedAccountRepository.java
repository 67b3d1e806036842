package org.parley.caseload.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.caseload.CreatedAccount;

/**
 * Records which identity-provider accounts were created for which case.
 */
@ApplicationScoped
public class CreatedAccountRepository implements PanacheRepositoryBase<CreatedAccount, String> {
}
