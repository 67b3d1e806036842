package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The transport marks everyone already attested again whenever it loads a session, so a repeated attestation must be
 * a no-op: what was withheld is sent once, on the attestation that changed something, and never again.
 */
class RepeatedAttestationTest {

    @Test
    void repeatedAttestationResendsNothing() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "we could live with 40k");
        accepted(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.closeCaucus(M, f.caucusOf(PA)));

        Decision again = f.session.markAttested(PA);

        assertEquals(List.of(), accepted(again).deliveries());
    }

    @Test
    void firstAttestationAfterAReattestationRequestSendsWhatWasWithheld() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        ItemId item = f.say(PA, "we could live with 40k");
        accepted(f.session.release(PA, ReleaseTerms.conveyToJoint(item)));
        accepted(f.session.requestReattestation(M, Optional.of(PA)));

        Decision attested = f.session.markAttested(PA);

        assertEquals(1, eventsFor(attested, PA, Event.ReleaseUpdated.class).size());
    }
}
