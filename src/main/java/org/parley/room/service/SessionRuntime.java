package org.parley.room.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.parley.audit.AuditFacts;
import org.parley.audit.service.AuditLog;
import org.parley.media.MediaGrants;
import org.parley.media.NoMediaGrants;
import org.parley.room.domain.Decision;
import org.parley.room.domain.DurableState;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.EndReason;
import org.parley.room.domain.Fact;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionLimits;
import org.parley.room.domain.SessionPhase;
import org.parley.room.repository.FactJournal;
import org.parley.room.repository.LiveSessionStates;

/**
 * One live session in this server: applies commands one at a time, cuts revoked media before the decision's
 * deliveries leave, sends the deliveries in order, then applies the new media grants, and journals the facts with
 * the session's durable state in order. A decision with legal weight (see {@link Fact#hasLegalWeight}) is delivered
 * only once its facts are recorded; if they cannot be, it is undone and its author is told {@code try_again}. The
 * lock makes "present in the room when it was sent" well defined.
 */
public final class SessionRuntime {

    private static final Logger LOG = Logger.getLogger(SessionRuntime.class);
    /** How long the deliveries of a decision wait for its media cuts before the cuts count as done. */
    public static final Duration DEFAULT_CUT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long one journal write may take before it counts as failed: a database that does not answer must not
     * hold a session (and the author of a legal frame) for ever. A write that still commits later was refused here.
     */
    public static final Duration RECORD_TIMEOUT = Duration.ofSeconds(5);
    /** The most queued writes one journal transaction takes: bounds a transaction after a slow spell. */
    static final int MAX_GROUP = 256;

    private final SessionRef ref;
    private final LiveSession session;
    private final Deliveries deliveries;
    private final FactJournal journal;
    private final AuditLog audit;
    private final MediaSequence sequence;
    private final Queue<Write> unwritten = new ArrayDeque<>();
    /** Accepted decisions not delivered yet, oldest first: each waits for its own cuts and for those before it. */
    private final Queue<Pending> undelivered = new ArrayDeque<>();
    /** Commands that arrived while a decision with legal weight waited for its record, oldest first. */
    private final Queue<Submission> waiting = new ArrayDeque<>();
    private boolean writing;
    /** Whether a decision with legal weight is waiting for its facts to be recorded: nothing else is decided then. */
    private boolean holding;
    /** Runs once, when a decision has ended the session (the registry forgets it then). */
    private final Runnable onEnded;
    private boolean endedNoticed;
    /** When someone last sent a command frame (pings and media signaling aside); the idle limit counts from here. */
    private Instant lastActivity = Instant.EPOCH;
    /** The end this session was last warned of, so that a warning is sent once per coming end. */
    private SessionLimits.Warning warned;
    /** The durable state last handed to the journal (null: unknown, so the next write carries it), and its version. */
    private DurableState lastState;
    private long stateVersion;

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

    /** A command and where its decision goes. */
    private record Submission(Function<LiveSession, Decision> command, CompletableFuture<Decision> answer) {
    }

    /** Facts to journal, with the durable state after them when it changed, and who waits for the outcome. */
    private record Write(List<Fact> facts, Optional<LiveSessionStates.Stored> state, Consumer<Throwable> done) {

        /**
         * The writes that queued while the previous one was in flight, as one: their facts in order in one
         * transaction, the newest durable state (each is the whole state, so it supersedes the ones before it),
         * and every waiter told the outcome. A busy session thus costs one transaction per round trip to the
         * database, not one per message; a failure fails the whole group alike, as the database would.
         */
        static Write group(List<Write> writes) {
            if (writes.size() == 1) {
                return writes.get(0);
            }
            List<Fact> facts = new ArrayList<>();
            Optional<LiveSessionStates.Stored> state = Optional.empty();
            for (Write write : writes) {
                facts.addAll(write.facts());
                state = write.state().isPresent() ? write.state() : state;
            }
            return new Write(List.copyOf(facts), state, failure -> writes.forEach(write -> write.done().accept(failure)));
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
        this(ref, session, deliveries, journal, audit, media, cutTimeout, onEnded, 0);
    }

    /**
     * {@code storedVersion} is the version of the durable state the session was restored from (0 for none), so
     * that every later write of it is newer.
     */
    public SessionRuntime(SessionRef ref, LiveSession session, Deliveries deliveries, FactJournal journal,
            AuditLog audit, MediaGrants media, Duration cutTimeout, Runnable onEnded, long storedVersion) {
        this.onEnded = onEnded;
        this.ref = ref;
        this.session = session;
        this.deliveries = deliveries;
        this.journal = journal;
        this.audit = audit;
        this.sequence = new MediaSequence(media, session.sessionId(), cutTimeout);
        this.stateVersion = storedVersion;
        this.lastState = storedVersion > 0 ? session.durableState() : null;
    }

    public SessionRef ref() {
        return ref;
    }

    /**
     * Applies one command and answers its decision. A decision without media cuts, when nothing earlier is still
     * waiting, is delivered before this returns; otherwise it is queued and delivered, in order, once the cuts
     * before it are done. No later decision of this session overtakes an earlier one.
     *
     * <p>A decision with legal weight is delivered, and answered, only once its facts are recorded. Until then the
     * session decides nothing else: later commands wait their turn, so that none is decided on a state that may
     * still be undone. If the record fails, the session goes back to the checkpoint taken just before the command
     * (the pure core makes that exact), nothing is delivered, and the answer is {@code try_again}. Deciding on the
     * live state and undoing it keeps one copy of the session; only the small collections are copied per command.
     */
    public CompletableFuture<Decision> submit(Function<LiveSession, Decision> command) {
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            if (holding) {
                waiting.add(new Submission(command, answer));
                return answer;
            }
            decide(new Submission(command, answer), after);
        }
        finish(after);
        return answer;
    }

    /**
     * {@link #submit} for callers off the event loop that need the decision now (tests, scheduled jobs): waits for
     * a decision that must first be recorded. Never call it on an event-loop thread, which the record itself needs.
     */
    public Decision apply(Function<LiveSession, Decision> command) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("apply() would block the event loop; use submit()");
        }
        return submit(command).join();
    }

    /** Decides one command under the lock; what must run outside it (answers, the writer, the end) goes to after. */
    private void decide(Submission submission, List<Runnable> after) {
        LiveSession.Checkpoint checkpoint = session.checkpoint();
        Decision decision;
        try {
            decision = submission.command().apply(session);
        } catch (RuntimeException e) {
            // A command that broke half-way must not leave half its changes behind, nor stop the commands after it.
            session.rollBack(checkpoint);
            LOG.errorf("session %s: a command failed and was undone: %s", ref.sessionId(),
                    e.getClass().getSimpleName());
            after.add(() -> submission.answer().completeExceptionally(e));
            return;
        }
        if (!(decision instanceof Decision.Accepted accepted)) {
            after.add(() -> submission.answer().complete(decision));
            return;
        }
        Optional<LiveSessionStates.Stored> state = onlyPosted(accepted) ? Optional.empty() : changedState();
        if (!heldForRecord(accepted)) {
            unwritten.add(new Write(accepted.facts(), state, failure -> stateUnknown(failure, state)));
            accept(accepted);
            after.add(this::writeNext);
            noticeEnd(after);
            after.add(() -> submission.answer().complete(decision));
            return;
        }
        holding = true;
        unwritten.add(new Write(accepted.facts(), state,
                failure -> recorded(submission, accepted, checkpoint, failure)));
        after.add(this::writeNext);
    }

    /**
     * Whether the decision's deliveries must wait for its record. A consent change is not held: its record is the
     * consent row the consent service commits before the session learns of it, and undoing a withdrawal here would
     * keep a third party in a room that the record already says it must leave.
     */
    private static boolean heldForRecord(Decision.Accepted accepted) {
        return accepted.facts().stream()
                .anyMatch(fact -> Fact.hasLegalWeight(fact) && !(fact instanceof Fact.ConsentChanged));
    }

    /** The outcome of a held decision's record: deliver it, or undo it and refuse it; then decide what waited. */
    private void recorded(Submission submission, Decision.Accepted accepted, LiveSession.Checkpoint checkpoint,
            Throwable failure) {
        List<Runnable> after = new ArrayList<>();
        synchronized (this) {
            holding = false;
            if (failure == null) {
                accept(accepted);
                noticeEnd(after);
                after.add(() -> submission.answer().complete(accepted));
            } else {
                session.rollBack(checkpoint);
                // What is stored is unknown now (the failed write may or may not have been before others): the next
                // write carries the whole state again.
                lastState = null;
                Decision refused = Decision.refused(ErrorCode.TRY_AGAIN, "could not be recorded; nothing changed");
                after.add(() -> submission.answer().complete(refused));
            }
            while (!holding && !waiting.isEmpty()) {
                decide(waiting.poll(), after);
            }
        }
        finish(after);
    }

    /** The durable state, if this decision changed it since it was last handed to the journal. */
    /**
     * A message or a shared document: it adds an item, which is content and never part of the durable state, so
     * the state is not built and compared for it (the commonest decision of a session, on its hot path).
     */
    private static boolean onlyPosted(Decision.Accepted accepted) {
        return !accepted.facts().isEmpty() && accepted.facts().stream().allMatch(Fact.ItemPosted.class::isInstance);
    }

    private Optional<LiveSessionStates.Stored> changedState() {
        // Only a live session is ever restored: before its start there is nothing a restart could lose (the
        // attestations have their own records), and after its end the journal deletes the state.
        if (session.phase() != SessionPhase.LIVE) {
            return Optional.empty();
        }
        DurableState now = session.durableState();
        if (now.equals(lastState)) {
            return Optional.empty();
        }
        lastState = now;
        stateVersion++;
        return Optional.of(new LiveSessionStates.Stored(stateVersion, now));
    }

    /** A write that carried the durable state failed: the next write carries it again. */
    private void stateUnknown(Throwable failure, Optional<LiveSessionStates.Stored> state) {
        if (failure != null && state.isPresent()) {
            synchronized (this) {
                lastState = null;
            }
        }
    }

    /** Once the session has ended, its connections close after its last frames, and the registry forgets it. */
    private void noticeEnd(List<Runnable> after) {
        if (session.phase() == SessionPhase.ENDED && !endedNoticed) {
            endedNoticed = true;
            // The registry forgets the session first, so that nobody who saw the close finds it still there; the
            // end's frames may still wait for media cuts, and the connections close after they left.
            after.add(() -> {
                onEnded.run();
                afterDeliveries(() -> deliveries.sessionEnded(session.sessionId()));
            });
        }
    }

    private static void finish(List<Runnable> after) {
        after.forEach(Runnable::run);
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
            submit(live -> live.expire(end.reason()));
        } else if (due instanceof SessionLimits.Warning warning) {
            submit(live -> live.warnOfEnd(warning.reason(), warning.endsAt()));
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
        Write next;
        synchronized (this) {
            if (writing || unwritten.isEmpty()) {
                return;
            }
            writing = true;
            next = Write.group(drainUnwritten());
        }
        Uni<Void> write;
        try {
            // The journal's transaction is the record a held decision waits for. The audit chain follows it, in the
            // same order; its failure is logged and does not undo facts that are already committed.
            write = journal.record(ref.sessionId(), next.facts(), next.state()).ifNoItem().after(RECORD_TIMEOUT).fail()
                    .call(() -> audit.appendAll(AuditFacts.entries(ref.caseId(), ref.courtId(), ref.sessionId(),
                            next.facts())).onFailure().recoverWithItem(failure -> {
                                LOG.errorf("could not audit %d facts of session %s: %s", next.facts().size(),
                                        ref.sessionId(), failure.getClass().getSimpleName());
                                return null;
                            }));
        } catch (RuntimeException e) {
            write = Uni.createFrom().failure(e);
        }
        write.subscribe().with(done -> written(next, null), failure -> {
            // Facts hold ids and codes only, but the failure text may quote SQL parameters: log its type.
            LOG.errorf("could not journal %d facts of session %s: %s", next.facts().size(), ref.sessionId(),
                    failure.getClass().getSimpleName());
            written(next, failure);
        });
    }

    /** Takes the queued writes, at most {@link #MAX_GROUP} of them, oldest first. Called under the lock. */
    private List<Write> drainUnwritten() {
        List<Write> writes = new ArrayList<>();
        while (!unwritten.isEmpty() && writes.size() < MAX_GROUP) {
            writes.add(unwritten.poll());
        }
        return writes;
    }

    private void written(Write write, Throwable failure) {
        synchronized (this) {
            writing = false;
        }
        write.done().accept(failure);
        writeNext();
    }
}
