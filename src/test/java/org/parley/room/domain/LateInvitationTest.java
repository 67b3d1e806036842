package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.accepted;

import org.junit.jupiter.api.Test;

/** Someone invited while the session runs becomes a participant like the others; after the end nobody joins. */
class LateInvitationTest {

    private final SessionFixture f = SessionFixture.allInJointRoom();
    private final ParticipantId late = ParticipantId.of("expertLate");

    @Test
    void lateInviteeIsAcceptedAndCanBeAdmittedOnceAttested() {
        Decision invited = f.session.addToRoster(Participant.counsel(late.value(), "Late Counsel", "B"));

        assertTrue(invited.isAccepted());
        accepted(f.session.connect(late));
        accepted(f.session.markAttested(late));
        accepted(f.session.admit(M, late));
        assertEquals(Place.joint(), f.session.snapshot().places().get(late));
    }

    @Test
    void invitationAfterTheEndIsRefusedAsEnded() {
        accepted(f.session.endSession(M));

        Decision invited = f.session.addToRoster(Participant.counsel(late.value(), "Late Counsel", "B"));

        assertEquals(ErrorCode.SESSION_ENDED, assertInstanceOf(Decision.Refused.class, invited).code());
    }
}
