package org.parley.caseload.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.caseload.Court;

/**
 * Reads and writes courts.
 */
@ApplicationScoped
public class CourtRepository implements PanacheRepositoryBase<Court, String> {
}
