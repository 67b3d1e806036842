package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttestationGateTest {

    /** Everyone connected, the session live, only the mediator attested; everyone else waits in the lobby. */
    private static SessionFixture onlyMediatorAttested() {
        SessionFixture f = SessionFixture.fresh();
        EVERYONE.forEach(p -> accepted(f.session.connect(p)));
        accepted(f.session.markAttested(M));
        accepted(f.session.startSession(M));
        return f;
    }

    @Test
    void participantsStartUnattestedAndAreNotAdmitted() {
        SessionFixture f = onlyMediatorAttested();

        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED,
                () -> f.session.admit(M, PA));

        assertEquals("attestation_required", refused.code().wireCode());
        assertEquals("participant partyA has not attested for this session", refused.detail());
        accepted(f.session.markAttested(PA));
        Decision admitted = f.session.admit(M, PA);
        assertInstanceOf(PlaceView.InJointRoom.class, eventsFor(admitted, PA, Event.YouAreIn.class).get(0).place());
    }

    @Test
    void unattestedParticipantIsNotMovedIntoAnyRoom() {
        SessionFixture f = onlyMediatorAttested();
        CaucusId a = f.openCaucus(A);

        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.move(M, PB, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.move(M, PA, Place.caucus(a)));
        accepted(f.session.move(M, PA, Place.lobby()));
    }

    @Test
    void movingASideIsRefusedWholeWhenOneMemberIsNotAttested() {
        SessionFixture f = onlyMediatorAttested();
        accepted(f.session.markAttested(PA));
        CaucusId a = f.openCaucus(A);

        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED,
                () -> f.session.moveSide(M, A, Place.caucus(a)));

        assertTrue(refused.detail().contains(CA.value()), refused.detail());
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, PA));
    }

    @Test
    void mediatorMustBeAttestedToGoIntoARoom() {
        SessionFixture f = SessionFixture.fresh();
        accepted(f.session.connect(M));
        accepted(f.session.startSession(M));

        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.goTo(M, Place.joint()));
        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.admit(M, M));
        accepted(f.session.markAttested(M));
        accepted(f.session.goTo(M, Place.joint()));
        assertInstanceOf(PlaceView.InJointRoom.class, f.placeSeenBy(PA, M));
    }

    @Test
    void unattestedParticipantIsNotIncludedInAnAdHocCaucus() {
        SessionFixture f = onlyMediatorAttested();
        accepted(f.session.markAttested(PA));

        Decision.Refused refused = f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED,
                () -> f.session.openAdHocCaucus(M, Set.of(PA, PB)));

        assertTrue(refused.detail().contains(PB.value()), refused.detail());
        accepted(f.session.markAttested(PB));
        accepted(f.session.openAdHocCaucus(M, Set.of(PA, PB)));
    }

    @Test
    void sideCaucusOpensWithUnattestedMembersButTheyCannotEnterIt() {
        SessionFixture f = onlyMediatorAttested();

        CaucusId b = f.openCaucus(SessionFixture.B);

        f.assertRefusedAndUnchanged(ErrorCode.ATTESTATION_REQUIRED, () -> f.session.move(M, CB, Place.caucus(b)));
    }

    @Test
    void markAttestedAdmitsNobodyRecordsNothingAndMayBeRepeated() {
        SessionFixture f = onlyMediatorAttested();

        Decision.Accepted first = accepted(f.session.markAttested(PA));
        Decision.Accepted again = accepted(f.session.markAttested(PA));

        assertTrue(first.facts().isEmpty(), "the attestation is recorded by whoever took it");
        assertEquals(List.of(new Delivery(M, new Event.Attested(PA, SessionFixture.NOW))), first.deliveries(),
                "nobody's view changes; only the mediator learns that PA may now be admitted");
        assertTrue(again.facts().isEmpty() && again.deliveries().isEmpty());
        assertInstanceOf(PlaceView.InLobby.class, f.placeSeenBy(M, PA));
        assertTrue(f.statusOf(PA).attested());
    }

    @Test
    void markAttestedWorksBeforeConnectingAndBeforeTheStart() {
        SessionFixture f = SessionFixture.fresh();

        accepted(f.session.markAttested(PB));

        assertTrue(f.statusOf(PB).attested());
        assertFalse(f.statusOf(PA).attested());
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT,
                () -> f.session.markAttested(ParticipantId.of("stranger")));
        f.assertRefusedAndUnchanged(ErrorCode.NO_SUCH_PARTICIPANT, () -> f.session.markAttested(null));
    }

    @Test
    void attestationsEndWithTheSession() {
        SessionFixture f = SessionFixture.allInJointRoom();

        accepted(f.session.endSession(M));

        assertTrue(f.session.snapshot().attested().isEmpty());
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, () -> f.session.markAttested(PA));
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED, () -> f.session.reportPrivacyBreach(PA));
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED,
                () -> f.session.requestReattestation(M, java.util.Optional.empty()));
        f.assertRefusedAndUnchanged(ErrorCode.SESSION_ENDED,
                () -> f.session.setConsent(PA, ParticipantId.of("observer"), true));
    }
}
