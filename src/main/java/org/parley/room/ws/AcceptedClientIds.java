package org.parley.room.ws;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.parley.room.domain.Decision;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SessionId;

/**
 * The client ids of the frames each participant had accepted in a session, the latest {@code perParticipant} of
 * them, so that a frame resent with the same id (after a reconnect, say) is acknowledged again and applied once.
 * Kept for the whole session, across connections and past the resume window; dropped when the session ends. Plain
 * Java; {@link Remembered#applyOnce} checks, starts and remembers under one lock, so two copies of one frame
 * arriving on two connections at once are still applied once.
 */
final class AcceptedClientIds {

    private record Key(String session, String participant) {
    }

    /** The remembered ids of one participant, oldest first. */
    static final class Remembered {
        private final LinkedHashSet<String> ids = new LinkedHashSet<>();
        /** Ids whose command the session is still deciding, with the answer every copy of it gets. */
        private final Map<String, CompletableFuture<Optional<Decision.Refused>>> inFlight = new HashMap<>();
        private final int capacity;

        private Remembered(int capacity) {
            this.capacity = capacity;
        }

        boolean contains(String clientId) {
            return ids.contains(clientId);
        }

        void add(String clientId) {
            if (ids.add(clientId) && ids.size() > capacity) {
                String oldest = ids.iterator().next();
                ids.remove(oldest);
            }
        }

        int size() {
            return ids.size();
        }

        /**
         * Applies a command carried by a frame with this client id, unless a frame with the same id was accepted
         * before: then nothing is applied. Completes with the refusal, if the command was refused (and the id is not
         * remembered, so it may come again); empty when the frame is accepted, now or before, and is to be acked.
         * The session may decide the command later (it may wait for its record): a copy that arrives meanwhile, on
         * this or another connection, gets the first one's answer and is not applied again.
         */
        synchronized CompletableFuture<Optional<Decision.Refused>> applyOnce(String clientId,
                Supplier<? extends CompletionStage<Decision>> command) {
            if (ids.contains(clientId)) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            CompletableFuture<Optional<Decision.Refused>> running = inFlight.get(clientId);
            if (running != null) {
                return running;
            }
            CompletableFuture<Optional<Decision.Refused>> answer = new CompletableFuture<>();
            inFlight.put(clientId, answer);
            command.get().whenComplete((decision, failure) -> {
                synchronized (this) {
                    inFlight.remove(clientId);
                    if (failure == null && !(decision instanceof Decision.Refused)) {
                        add(clientId);
                    }
                }
                if (failure != null) {
                    answer.completeExceptionally(failure);
                } else {
                    answer.complete(decision instanceof Decision.Refused refused ? Optional.of(refused)
                            : Optional.empty());
                }
            });
            return answer;
        }
    }

    private final int perParticipant;
    private final Map<Key, Remembered> bySender = new ConcurrentHashMap<>();

    AcceptedClientIds(int perParticipant) {
        if (perParticipant < 1) {
            throw new IllegalArgumentException("at least one client id must be remembered");
        }
        this.perParticipant = perParticipant;
    }

    /** The ids of this participant. */
    Remembered lockFor(SessionId session, ParticipantId participant) {
        return bySender.computeIfAbsent(new Key(session.value(), participant.value()),
                key -> new Remembered(perParticipant));
    }

    void forgetSession(SessionId session) {
        bySender.keySet().removeIf(key -> key.session().equals(session.value()));
    }

    /** How many participants have ids remembered (for tests of bounded memory). */
    int senders() {
        return bySender.size();
    }
}
