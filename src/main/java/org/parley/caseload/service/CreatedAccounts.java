package org.parley.caseload.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.parley.caseload.CreatedAccount;
import org.parley.caseload.repository.CreatedAccountRepository;

/**
 * Remembers the accounts provisioning created for an invitation, within the invitation's transaction, so that an
 * invitation that fails afterwards leaves no record of an account it did not keep.
 */
@ApplicationScoped
public class CreatedAccounts {

    private final CreatedAccountRepository repository;
    private final Clock clock;

    public CreatedAccounts(CreatedAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Uni<Void> remember(String subject, UUID caseId) {
        return repository.findById(subject).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            CreatedAccount account = new CreatedAccount();
            account.subject = subject;
            account.caseId = caseId;
            account.createdAt = clock.instant();
            return repository.persist(account).replaceWithVoid();
        });
    }
}
