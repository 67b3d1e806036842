package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.T;
import static org.parley.room.domain.SessionFixture.accepted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The mediator's status view: attestation and missing consents, which no one else may learn. */
class MediatorStatusTest {

    @Test
    void onlyTheMediatorGetsTheStatusView() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();

        for (ParticipantId other : List.of(PA, CA, PB, CB, T)) {
            assertEquals(Optional.empty(), f.session.statusForMediator(other));
        }
        assertEquals(Optional.empty(), f.session.statusForMediator(ParticipantId.of("stranger")));
        assertEquals(Optional.empty(), f.session.statusForMediator(null));
        assertEquals(f.roster, f.session.statusForMediator(M).orElseThrow().stream()
                .map(ParticipantStatus::participant).toList());
    }

    @Test
    void attestingChangesNobodysPresenceView() {
        SessionFixture f = SessionFixture.freshWithThirdParty();
        f.roster.forEach(p -> accepted(f.session.connect(p)));
        Map<ParticipantId, List<PresenceEntry>> before = presenceOfAll(f);

        Decision.Accepted attested = accepted(f.session.markAttested(PA));
        Decision.Accepted revoked = accepted(f.session.requestReattestation(M, Optional.of(PA)));

        assertEquals(before, presenceOfAll(f), "presence must not reveal who has attested");
        assertTrue(attested.deliveries().stream().allMatch(d -> d.recipient().equals(M)
                && d.event() instanceof Event.Attested), "only the mediator hears of it, and not as presence");
        assertTrue(revoked.deliveries().stream().noneMatch(d -> d.event() instanceof Event.PresenceChanged),
                "asking someone in the lobby changes nobody's presence view");
    }

    @Test
    void statusShowsPlaceConnectionAttestationAndMissingConsents() {
        SessionFixture f = SessionFixture.freshWithThirdParty();
        accepted(f.session.connect(M));
        accepted(f.session.connect(T));
        accepted(f.session.markAttested(M));
        accepted(f.session.markAttested(T));
        accepted(f.session.startSession(M));
        accepted(f.session.setConsent(PA, T, true));
        CaucusId a = f.openCaucus(A);
        accepted(f.session.goTo(M, Place.caucus(a)));

        Map<ParticipantId, ParticipantStatus> status = f.session.statusForMediator(M).orElseThrow().stream()
                .collect(Collectors.toMap(ParticipantStatus::participant, Function.identity()));

        assertEquals(new ParticipantStatus(T, Role.THIRD_PARTY, Optional.empty(), new PlaceView.InLobby(), true, true,
                List.of(PB)), status.get(T));
        assertEquals(new ParticipantStatus(M, Role.MEDIATOR, Optional.empty(),
                new PlaceView.InCaucus(a, Optional.of(A)), true, true, List.of()), status.get(M));
        assertEquals(new ParticipantStatus(PA, Role.PARTY, Optional.of(A), new PlaceView.NotInSession(), false,
                false, List.of()), status.get(PA));
        accepted(f.session.setConsent(PB, T, true));
        assertEquals(List.of(), f.statusOf(T).consentsMissing());
        accepted(f.session.setConsent(PA, T, false));
        assertEquals(List.of(PA), f.statusOf(T).consentsMissing());
    }

    @Test
    void refusedCommandsLeaveTheStatusViewUnchanged() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        List<ParticipantStatus> before = f.session.statusForMediator(M).orElseThrow();

        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.setConsent(CA, T, false));
        f.assertRefusedAndUnchanged(ErrorCode.FORBIDDEN, () -> f.session.requestReattestation(PB, Optional.of(T)));

        assertEquals(before, f.session.statusForMediator(M).orElseThrow());
        assertFalse(before.stream().anyMatch(s -> !s.attested()));
    }

    private static Map<ParticipantId, List<PresenceEntry>> presenceOfAll(SessionFixture f) {
        return f.roster.stream().collect(Collectors.toMap(p -> p, p -> f.session.presenceFor(p).orElseThrow()));
    }
}
