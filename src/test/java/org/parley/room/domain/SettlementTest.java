package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.A;
import static org.parley.room.domain.SessionFixture.CA;
import static org.parley.room.domain.SessionFixture.CB;
import static org.parley.room.domain.SessionFixture.M;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;
import static org.parley.room.domain.SessionFixture.accepted;
import static org.parley.room.domain.SessionFixture.eventsFor;
import static org.parley.room.domain.SessionFixture.recipientsOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settlement agreement's rules: who sees the draft, who may change it, and what a signature takes. */
class SettlementTest {

    private static final String TERMS = "1. A pays B 500.";

    private static ErrorCode refusal(Decision decision) {
        return assertInstanceOf(Decision.Refused.class, decision).code();
    }

    private static String hash(SessionFixture f) {
        return f.session.settlement().textSha256();
    }

    @Test
    void theDraftReachesExactlyThoseInTheJointRoomNeverACaucusNorTheLobby() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId caucus = f.openCaucus(A);
        accepted(f.session.moveSide(M, A, Place.caucus(caucus)));
        accepted(f.session.sendToLobby(M, CB));

        Decision edited = f.session.editSettlement(M, TERMS);

        assertEquals(Set.of(M, PB), recipientsOf(edited, Event.SettlementUpdated.class));
        assertEquals(TERMS, eventsFor(edited, PB, Event.SettlementUpdated.class).get(0).settlement().text());
    }

    @Test
    void whoeverEntersTheJointRoomIsShownTheCurrentDraftAfterTheArrival() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, PB));
        accepted(f.session.editSettlement(M, TERMS));

        Decision admitted = f.session.admit(M, PB);

        List<Event> toB = accepted(admitted).deliveries().stream().filter(d -> d.recipient().equals(PB))
                .map(Delivery::event).toList();
        int arrival = indexOf(toB, Event.YouAreIn.class);
        int draft = indexOf(toB, Event.SettlementUpdated.class);
        assertTrue(arrival >= 0 && draft > arrival, "the draft follows the arrival: " + toB);
        assertEquals(TERMS, ((Event.SettlementUpdated) toB.get(draft)).settlement().text());
    }

    @Test
    void aReconnectIntoTheJointRoomIsShownTheDraftButAnEntrantOfACaucusIsNot() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        accepted(f.session.disconnect(PB));
        assertEquals(1, eventsFor(f.session.connect(PB), PB, Event.SettlementUpdated.class).size());

        CaucusId caucus = f.openCaucus(A);
        Decision intoCaucus = f.session.moveSide(M, A, Place.caucus(caucus));
        assertTrue(recipientsOf(intoCaucus, Event.SettlementUpdated.class).isEmpty());
    }

    @Test
    void nothingIsShownOnArrivalBeforeAnythingWasDrafted() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.sendToLobby(M, PB));
        assertTrue(recipientsOf(f.session.admit(M, PB), Event.SettlementUpdated.class).isEmpty());
    }

    @Test
    void onlyTheMediatorOrItsNamedScribeMayEditAndARefusalChangesNothing() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        SettlementDraft before = f.session.settlement();

        assertEquals(ErrorCode.FORBIDDEN, refusal(f.session.editSettlement(CA, "counsel rewrites it")));
        assertEquals(ErrorCode.FORBIDDEN, refusal(f.session.editSettlement(PA, "party rewrites it")));
        assertEquals(ErrorCode.FORBIDDEN, refusal(f.session.nameSettlementScribe(CA, Optional.of(CA))));
        assertEquals(before, f.session.settlement());

        accepted(f.session.nameSettlementScribe(M, Optional.of(CA)));
        Decision byScribe = f.session.editSettlement(CA, TERMS + " 2. Costs shared.");
        assertEquals(TERMS + " 2. Costs shared.", eventsFor(byScribe, PB, Event.SettlementUpdated.class).get(0)
                .settlement().text());
        assertEquals(2, f.session.settlement().version());

        accepted(f.session.nameSettlementScribe(M, Optional.empty()));
        assertEquals(ErrorCode.FORBIDDEN, refusal(f.session.editSettlement(CA, "no longer scribe")));
    }

    @Test
    void editingNeedsTheEditorInTheJointRoom() {
        SessionFixture f = SessionFixture.allInJointRoom();
        CaucusId caucus = f.openCaucus(A);
        accepted(f.session.goTo(M, Place.caucus(caucus)));
        assertEquals(ErrorCode.NOT_IN_ROOM, refusal(f.session.editSettlement(M, TERMS)));
        assertEquals(SettlementDraft.NONE, f.session.settlement());
    }

    @Test
    void partiesAndCounselCommentOthersMayNot() {
        SessionFixture f = SessionFixture.allInJointRoom();
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(f.session.commentOnSettlement(PA, "too early")));
        accepted(f.session.editSettlement(M, TERMS));

        Decision comment = f.session.commentOnSettlement(CB, "say when it is paid");

        assertEquals(Set.of(M, PA, CA, PB, CB), recipientsOf(comment, Event.SettlementUpdated.class));
        SettlementComment shown = f.session.settlement().comments().get(0);
        assertEquals(CB, shown.author());
        assertEquals("say when it is paid", shown.text());
        assertEquals(ErrorCode.FORBIDDEN, refusal(f.session.commentOnSettlement(M, "mediators edit instead")));
        assertEquals(ErrorCode.INVALID_REQUEST, refusal(f.session.commentOnSettlement(PA, "  ")));
        assertEquals(1, f.session.settlement().comments().size());
    }

    @Test
    void theTypedNameMustBeTheSignersDisplayName() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));

        assertEquals(ErrorCode.NAME_MISMATCH, refusal(f.session.signSettlement(PA, "Party B", hash(f), true)));
        assertEquals(ErrorCode.NAME_MISMATCH, refusal(f.session.signSettlement(PA, "", hash(f), true)));
        assertFalse(f.session.settlement().locked());

        Decision signed = f.session.signSettlement(PA, "  party   a ", hash(f), true);
        Fact.SettlementSigned fact = SessionFixture.factOf(signed, Fact.SettlementSigned.class);
        assertEquals("party   a", fact.signedName());
        assertTrue(fact.first());
        assertEquals(hash(f), fact.textSha256());
    }

    @Test
    void aSignerSignsOnlyTheTextItWasShown() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        String shown = hash(f);
        accepted(f.session.editSettlement(M, TERMS + " changed"));
        assertEquals(ErrorCode.DRAFT_CHANGED, refusal(f.session.signSettlement(PA, "Party A", shown, true)));
        assertFalse(f.session.settlement().locked());
    }

    @Test
    void theFirstSignatureLocksTheTextAndTheLastPartyCompletesIt() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        accepted(f.session.signSettlement(PA, "Party A", hash(f), true));

        assertEquals(ErrorCode.SETTLEMENT_LOCKED, refusal(f.session.editSettlement(M, "new terms")));
        assertEquals(TERMS, f.session.settlement().text());
        assertEquals(ErrorCode.ALREADY_SIGNED, refusal(f.session.signSettlement(PA, "Party A", hash(f), true)));

        Decision witnessed = f.session.signSettlement(CA, "Counsel A", hash(f), true);
        assertFalse(SessionFixture.factOf(witnessed, Fact.SettlementSigned.class).fileWithCourt(),
                "a witness has no say in filing");
        assertTrue(accepted(witnessed).facts().stream().noneMatch(Fact.SettlementCompleted.class::isInstance));

        Decision last = f.session.signSettlement(PB, "Party B", hash(f), false);
        Fact.SettlementCompleted completed = SessionFixture.factOf(last, Fact.SettlementCompleted.class);
        assertFalse(completed.filed());
        assertTrue(completed.filedText().isEmpty(), "an unfiled agreement's text stays in memory");
        assertTrue(f.session.settlement().complete());
        assertEquals(ErrorCode.SETTLEMENT_COMPLETE, refusal(f.session.signSettlement(M, "Mediator", hash(f),
                false)));
    }

    @Test
    void onlyAnAgreementEveryPartyFilesCarriesItsTextToTheRecord() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        accepted(f.session.signSettlement(PA, "Party A", hash(f), true));
        Decision last = f.session.signSettlement(PB, "Party B", hash(f), true);
        Fact.SettlementCompleted completed = SessionFixture.factOf(last, Fact.SettlementCompleted.class);
        assertTrue(completed.filed());
        assertEquals(Optional.of(TERMS), completed.filedText());
        assertFalse(completed.toString().contains(TERMS));
        assertFalse(f.session.settlement().toString().contains(TERMS));
    }

    @Test
    void aSignatureHasLegalWeightAndRollingItBackUnlocksTheDraft() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        LiveSession.Checkpoint before = f.session.checkpoint();
        Decision signed = f.session.signSettlement(PA, "Party A", hash(f), true);
        assertTrue(accepted(signed).facts().stream().allMatch(Fact::hasLegalWeight));

        f.session.rollBack(before);

        assertFalse(f.session.settlement().locked());
        accepted(f.session.editSettlement(M, TERMS + " again"));
    }

    @Test
    void signingNeedsTheSignerInTheJointRoomAndAThirdPartyNeverSigns() {
        SessionFixture f = SessionFixture.allInJointRoomWithThirdParty();
        accepted(f.session.editSettlement(M, TERMS));
        assertEquals(ErrorCode.FORBIDDEN, refusal(f.session.signSettlement(SessionFixture.T, "Observer", hash(f),
                true)));
        accepted(f.session.sendToLobby(M, PA));
        assertEquals(ErrorCode.NOT_IN_ROOM, refusal(f.session.signSettlement(PA, "Party A", hash(f), true)));
        assertFalse(f.session.settlement().locked());
    }

    @Test
    void theEndDropsTheDraft() {
        SessionFixture f = SessionFixture.allInJointRoom();
        accepted(f.session.editSettlement(M, TERMS));
        accepted(f.session.endSession(M));
        assertEquals(SettlementDraft.NONE, f.session.settlement());
    }

    private static int indexOf(List<Event> events, Class<? extends Event> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
