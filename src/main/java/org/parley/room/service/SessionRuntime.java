package org.parley.room.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.parley.audit.AuditFacts;
import org.parley.audit.service.AuditLog;
import org.parley.media.MediaGrants;
import org.parley.media.NoMediaGrants;
import org.parley.room.domain.Decision;
import org.parley.room.domain.EndReason;
import org.parley.room.domain.Fact;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionLimits;
import org.parley.room.domain.SessionPhase;
import org.parley.room.repository.FactJournal;

/**
 * One live session in this server: applies commands one at a time, cuts revoked media before the decision's
 * deliveries leave, sends the deliveries in order, then applies the new media grants, and journals the facts in
 * order. The lock makes "present in the room when it was sent" well defined.
 */
public final class SessionRuntime {

    private static final Logger LOG = Logger.getLogger(SessionRuntime.class);
    /** How long the deliveries of a decision wait for its media cuts before the cuts count as done. */
    public static final Duration DEFAULT_CUT_TIMEOUT = Duration.ofSeconds(2);

    private final SessionRef ref;
    private final LiveSession session;
    private final Deliveries deliveries;
    private final FactJournal journal;
    private final AuditLog audit;
    private final MediaSequence sequence;
    private final Queue<List<Fact>> unwritten = new ArrayDeque<>();
    /** Accepted decisions not delivered yet, oldest first: each waits for its own cuts and for those before it. */
    private final Queue<Pending> undelivered = new ArrayDeque<>();
    private boolean writing;
    /** Runs once, when a decision has ended the session (the registry forgets it then). */
    private final Runnable onEnded;
    private boolean endedNoticed;
    /** When someone last sent a command frame (pings and media signaling aside); the idle limit counts from here. */
    private Instant lastActivity = Instant.EPOCH;
    /** The end this session was last warned of, so that a warning is sent once per coming end. */
    private SessionLimits.Warning warned;

    /** Which session, case and court this runtime serves; journal and audit rows carry these ids. */
    public record SessionRef(UUID sessionId, UUID caseId, String courtId) {
    }

    /** A decision waiting to be delivered; {@code cut} once its revocations are done or count as done. */
    private static final class Pending {
        private final Decision.Accepted decision;
        private final List<Runnable> afterDelivery = new ArrayList<>();
        private boolean cut;
        private Set<ParticipantId> unconfirmed = Set.of();

        Pending(Decision.Accepted decision) {
            this.decision = decision;
            this.cut = decision.mediaRevokes().isEmpty();
        }
    }

    public SessionRuntime(SessionRef ref, LiveSession session, Deliveries deliveries, FactJournal journal,
            AuditLog audit) {
        this(ref, session, deliveries, journal, audit, new NoMediaGrants(), DEFAULT_CUT_TIMEOUT);
    }

    public SessionRuntime(SessionRef ref, LiveSession session, Deliveries deliveries, FactJournal journal,
            AuditLog audit, MediaGrants media, Duration cutTimeout) {
        this(ref, session, deliveries, journal, audit, media, cutTimeout, () -> {
        });
    }

    public SessionRuntime(SessionRef ref, LiveSession session, Deliveries deliveries, FactJournal journal,
            AuditLog audit, MediaGrants media, Duration cutTimeout, Runnable onEnded) {
        this.onEnded = onEnded;
        this.ref = ref;
        this.session = session;
        this.deliveries = deliveries;
        this.journal = journal;
        this.audit = audit;
        this.sequence = new MediaSequence(media, session.sessionId(), cutTimeout);
    }

    public SessionRef ref() {
        return ref;
    }

    /**
     * Applies one command. A decision without media cuts, when nothing earlier is still waiting, is delivered
     * before this returns; otherwise it is queued and delivered, in order, once the cuts before it are done. No
     * later decision of this session overtakes an earlier one.
     */
    public Decision apply(Function<LiveSession, Decision> command) {
        Decision decision;
        boolean endedNow = false;
        synchronized (this) {
            decision = command.apply(session);
            if (decision instanceof Decision.Accepted accepted) {
                unwritten.add(accepted.facts());
                accept(accepted);
            }
            if (session.phase() == SessionPhase.ENDED && !endedNoticed) {
                endedNoticed = true;
                endedNow = true;
            }
        }
        writeNext();
        if (endedNow) {
            // The end's frames may still wait for media cuts: the connections close after they left.
            afterDeliveries(() -> deliveries.sessionEnded(session.sessionId()));
            onEnded.run();
        }
        return decision;
    }

    /** Someone sent a frame at {@code at}: the idle limit counts from here, and an idle warning is void. */
    public synchronized void touch(Instant at) {
        if (at.isAfter(lastActivity)) {
            lastActivity = at;
        }
        if (warned != null && warned.reason() == EndReason.IDLE) {
            warned = null;
        }
    }

    /**
     * Applies the limits at {@code now} to a live session: ends it when an end is due, warns everyone once per
     * coming end when one is near. Answers what was due. A session that has not started is never ended here.
     */
    public SessionLimits.Due enforce(SessionLimits limits, Instant now) {
        SessionLimits.Due due;
        synchronized (this) {
            Optional<Instant> startedAt = session.startedAt();
            if (session.phase() != SessionPhase.LIVE || startedAt.isEmpty()) {
                return new SessionLimits.Nothing();
            }
            due = limits.due(startedAt.get(), lastActivity, now);
            if (due instanceof SessionLimits.Warning warning) {
                if (warning.equals(warned)) {
                    return due;
                }
                warned = warning;
            }
        }
        if (due instanceof SessionLimits.End end) {
            LOG.infof("session %s ends by itself: %s", ref.sessionId(), end.reason().wireCode());
            apply(live -> live.expire(end.reason()));
        } else if (due instanceof SessionLimits.Warning warning) {
            apply(live -> live.warnOfEnd(warning.reason(), warning.endsAt()));
        }
        return due;
    }

    /** Whether nobody sent a frame since {@code idleSince} and nobody is connected: a runtime nothing needs. */
    public synchronized boolean unusedSince(Instant idleSince) {
        return lastActivity.isBefore(idleSince) && !session.anyoneConnected();
    }

    /** Runs {@code action} once every decision accepted so far has been delivered (now, if none is waiting). */
    public void afterDeliveries(Runnable action) {
        synchronized (this) {
            Pending last = null;
            for (Pending pending : undelivered) {
                last = pending;
            }
            if (last != null) {
                last.afterDelivery.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Makes this session's media again from what the rule allows now, after the media server lost it: everything
     * held for the session is dropped, then every current grant is made afresh, in turn with the decisions around.
     */
    public void restoreMedia() {
        synchronized (this) {
            sequence.restore(session.mediaGrants());
        }
    }

    /** Reads the session under the lock, for views such as the mediator's REST state. */
    public synchronized <T> T read(Function<LiveSession, T> query) {
        return query.apply(session);
    }

    private void accept(Decision.Accepted accepted) {
        if (accepted.mediaRevokes().isEmpty() && undelivered.isEmpty()) {
            // The fast path: nothing to cut and nothing ahead of it, so it leaves now; its grants follow in turn.
            deliveries.deliver(session.sessionId(), accepted.deliveries());
            if (!accepted.media().isEmpty()) {
                sequence.afterCut(List.of(), cut -> {
                }, accepted.mediaAfterDeliveries(), Set::of);
            }
            return;
        }
        Pending pending = new Pending(accepted);
        undelivered.add(pending);
        // The grants are queued now, behind this decision's cuts, so that a later revocation of the same grant can
        // never run before the grant itself.
        sequence.afterCut(accepted.mediaRevokes(), unconfirmed -> cutDone(pending, unconfirmed),
                accepted.mediaAfterDeliveries(), () -> pending.unconfirmed);
    }

    /** The decision's cuts are done (or count as done): deliver every decision that no longer waits, in order. */
    private void cutDone(Pending pending, List<MediaChange.Revoke> unconfirmed) {
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            pending.cut = true;
            pending.unconfirmed = unconfirmed.stream().map(MediaChange.Revoke::participant)
                    .collect(Collectors.toUnmodifiableSet());
            while (!undelivered.isEmpty() && undelivered.peek().cut) {
                Pending next = undelivered.poll();
                deliveries.deliver(session.sessionId(), next.decision.deliveries());
                if (!next.unconfirmed.isEmpty()) {
                    LOG.warnf("session %s: media cut of %d participants not confirmed; treated as cut",
                            ref.sessionId(), next.unconfirmed.size());
                    Decision.Accepted alerts = session.mediaCutUnconfirmed(List.copyOf(next.unconfirmed));
                    deliveries.deliver(session.sessionId(), alerts.deliveries());
                }
                after.addAll(next.afterDelivery);
            }
        }
        after.forEach(Runnable::run);
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
