package org.parley.outcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Whether one participant of the case attended a session, as part of its outcome report.
 */
@Entity
@Table(name = "session_outcome_attendance")
@IdClass(OutcomeAttendance.Key.class)
public class OutcomeAttendance {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(nullable = false)
    public boolean attended;

    /** The participant's case role, kept here because the purge deletes the participant and the line remains. */
    public String role;

    /** The composite key: one line per participant and session. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public UUID sessionId;
        public UUID participantId;

        public Key() {
        }

        public Key(UUID sessionId, UUID participantId) {
            this.sessionId = sessionId;
            this.participantId = participantId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionId, key.sessionId)
                    && Objects.equals(participantId, key.participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, participantId);
        }
    }
}
