package org.parley.room.service;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.parley.audit.AuditFacts;
import org.parley.audit.service.AuditLog;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Fact;
import org.parley.room.domain.LiveSession;
import org.parley.room.repository.FactJournal;

/**
 * One live session in this server: applies commands one at a time, sends the resulting deliveries in order and
 * journals the facts in order. The lock makes "present in the room when it was sent" well defined.
 */
public final class SessionRuntime {

    private static final Logger LOG = Logger.getLogger(SessionRuntime.class);

    private final SessionRef ref;
    private final LiveSession session;
    private final Deliveries deliveries;
    private final FactJournal journal;
    private final AuditLog audit;
    private final Queue<List<Fact>> unwritten = new ArrayDeque<>();
    private boolean writing;

    /** Which session, case and court this runtime serves; journal and audit rows carry these ids. */
    public record SessionRef(UUID sessionId, UUID caseId, String courtId) {
    }

    public SessionRuntime(SessionRef ref, LiveSession session, Deliveries deliveries, FactJournal journal,
            AuditLog audit) {
        this.ref = ref;
        this.session = session;
        this.deliveries = deliveries;
        this.journal = journal;
        this.audit = audit;
    }

    public SessionRef ref() {
        return ref;
    }

    /** Applies one command; deliveries leave before the lock is released so that no later frame overtakes them. */
    public Decision apply(Function<LiveSession, Decision> command) {
        Decision decision;
        synchronized (this) {
            decision = command.apply(session);
            if (decision instanceof Decision.Accepted accepted) {
                deliveries.deliver(session.sessionId(), accepted.deliveries());
                unwritten.add(accepted.facts());
            }
        }
        writeNext();
        return decision;
    }

    /** Reads the session under the lock, for views such as the mediator's REST state. */
    public synchronized <T> T read(Function<LiveSession, T> query) {
        return query.apply(session);
    }

    private void writeNext() {
        List<Fact> next;
        synchronized (this) {
            if (writing || unwritten.isEmpty()) {
                return;
            }
            writing = true;
            next = unwritten.poll();
        }
        journal.record(ref.sessionId(), next)
                .chain(() -> audit.appendAll(AuditFacts.entries(ref.caseId(), ref.courtId(), ref.sessionId(), next)))
                .subscribe().with(done -> written(), failure -> {
                    // Facts hold ids and codes only, but the failure text may quote SQL parameters: log its type.
                    LOG.errorf("could not journal %d facts of session %s: %s", next.size(), ref.sessionId(),
                            failure.getClass().getSimpleName());
                    written();
                });
    }

    private void written() {
        synchronized (this) {
            writing = false;
        }
        writeNext();
    }
}
