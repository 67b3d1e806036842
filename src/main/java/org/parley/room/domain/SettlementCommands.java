package org.parley.room.domain;

import static org.parley.room.domain.Decision.refused;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settlement agreement: drafted by the mediator or the scribe it names, commented on by parties and counsel,
 * signed by the parties with counsel and the mediator as witnesses. The draft is joint-room content: every change
 * reaches exactly those connected in the joint room, and whoever enters the joint room is shown it as it stands.
 * Editing stops with the first signature, so that every signer signs the same words.
 */
final class SettlementCommands {

    /** Longest draft, in characters; a draft frame must still fit in one frame. */
    static final int MAX_TEXT_CHARS = 12_000;
    static final int MAX_COMMENT_CHARS = 2_000;
    static final int MAX_COMMENTS = 500;

    private final SessionState state;

    SettlementCommands(SessionState state) {
        this.state = state;
    }

    Decision edit(Participant actor, String text) {
        SettlementDraft draft = state.settlement();
        if (!mayEdit(actor, draft)) {
            return refused(ErrorCode.FORBIDDEN, "only the mediator or the scribe it named may edit the agreement");
        }
        Optional<Decision> notThere = notInJointRoom(actor);
        if (notThere.isPresent()) {
            return notThere.get();
        }
        if (draft.locked()) {
            return refused(ErrorCode.SETTLEMENT_LOCKED, "the agreement has been signed and can no longer change");
        }
        if (text == null || text.length() > MAX_TEXT_CHARS) {
            return refused(ErrorCode.INVALID_REQUEST, "the agreement's text holds at most " + MAX_TEXT_CHARS
                    + " characters");
        }
        return changed(draft.withText(text), List.of());
    }

    /** The mediator names a scribe (anyone on the roster but a third party), or none; from the joint room. */
    Decision nameScribe(Participant mediator, Optional<ParticipantId> scribe) {
        Optional<Decision> notThere = notInJointRoom(mediator);
        if (notThere.isPresent()) {
            return notThere.get();
        }
        if (scribe.isPresent()) {
            Optional<Participant> named = state.roster().find(scribe.get());
            if (named.isEmpty()) {
                return refused(ErrorCode.NO_SUCH_PARTICIPANT, "not on this session's roster");
            }
            if (named.get().isThirdParty() || named.get().isOnMediationTeam()) {
                return refused(ErrorCode.INVALID_REQUEST, "the scribe is a party or counsel");
            }
        }
        return changed(state.settlement().withScribe(scribe), List.of());
    }

    Decision comment(Participant actor, String text) {
        if (actor.role() != Role.PARTY && actor.role() != Role.COUNSEL) {
            return refused(ErrorCode.FORBIDDEN, "parties and counsel comment on the agreement");
        }
        Optional<Decision> notThere = notInJointRoom(actor);
        if (notThere.isPresent()) {
            return notThere.get();
        }
        SettlementDraft draft = state.settlement();
        if (draft.version() == 0) {
            return refused(ErrorCode.INVALID_REQUEST, "nothing has been drafted yet");
        }
        if (text == null || text.isBlank() || text.length() > MAX_COMMENT_CHARS) {
            return refused(ErrorCode.INVALID_REQUEST, "a comment holds 1 to " + MAX_COMMENT_CHARS + " characters");
        }
        if (draft.comments().size() >= MAX_COMMENTS) {
            return refused(ErrorCode.INVALID_REQUEST, "the agreement has the most comments it may hold");
        }
        SettlementComment comment = new SettlementComment(state.newId(), actor.id(), text, state.now());
        return changed(draft.withComment(comment), List.of());
    }

    /**
     * Signs the draft whose hash the signer saw, under the typed name, which must be the signer's display name
     * (compared trimmed, with runs of spaces as one, ignoring case). The identity check that the signer signed in
     * again just now is the transport's, which alone sees the token. The signature is a fact with legal weight, and
     * so is the completion that the last party's signature brings.
     */
    Decision sign(Participant actor, String typedName, String textSha256, boolean fileWithCourt) {
        if (actor.isThirdParty()) {
            return refused(ErrorCode.FORBIDDEN, "parties sign the agreement; counsel and the mediator witness it");
        }
        if (actor.isCoMediator()) {
            // One mediator's signature witnesses the agreement: the mediator of record's (see MediationTeam).
            return refused(ErrorCode.FORBIDDEN, "the mediator of record witnesses the agreement");
        }
        Optional<Decision> notThere = notInJointRoom(actor);
        if (notThere.isPresent()) {
            return notThere.get();
        }
        SettlementDraft draft = state.settlement();
        if (draft.version() == 0 || draft.text().isBlank()) {
            return refused(ErrorCode.INVALID_REQUEST, "nothing has been drafted to sign");
        }
        if (draft.complete()) {
            return refused(ErrorCode.SETTLEMENT_COMPLETE, "every party has signed; the agreement is complete");
        }
        if (draft.signatureOf(actor.id()).isPresent()) {
            return refused(ErrorCode.ALREADY_SIGNED, "you have signed the agreement already");
        }
        if (textSha256 == null || !textSha256.toLowerCase(Locale.ROOT).equals(draft.textSha256())) {
            return refused(ErrorCode.DRAFT_CHANGED, "the agreement is not the text you were shown; read it again");
        }
        if (typedName == null || !normalised(typedName).equals(normalised(actor.displayName()))) {
            return refused(ErrorCode.NAME_MISMATCH, "type your name exactly as it is shown for you in the session");
        }
        // Seconds are what the signed record shows; the same value is kept in memory and in the database.
        java.time.Instant at = state.now().truncatedTo(ChronoUnit.SECONDS);
        SettlementSignature signature = new SettlementSignature(actor.id(), typedName.trim(), actor.role(), at,
                actor.role() == Role.PARTY && fileWithCourt);
        boolean lastParty = actor.role() == Role.PARTY && state.roster().all().stream()
                .filter(participant -> participant.role() == Role.PARTY)
                .allMatch(party -> party.id().equals(actor.id()) || draft.signatureOf(party.id()).isPresent());
        SettlementDraft signed = draft.withSignature(signature, lastParty ? at : null);
        Fact.SettlementSigned fact = new Fact.SettlementSigned(actor.id(), actor.role(), signature.signedName(),
                draft.textSha256(), signature.fileWithCourt(), draft.signatures().isEmpty(), at);
        if (!lastParty) {
            return changed(signed, List.of(fact));
        }
        boolean filed = signed.filedWithCourt();
        // Only an agreement every party chose to file leaves memory with its words: it is then not privileged.
        Fact.SettlementCompleted completed = new Fact.SettlementCompleted(draft.textSha256(), filed,
                filed ? Optional.of(draft.text()) : Optional.empty(), at);
        return changed(signed, List.of(fact, completed));
    }

    /** Shows the draft to someone who has just arrived in the joint room, after the arrival itself. */
    static void showOnArrival(SessionState state, Outcome outcome, ParticipantId who, Place place) {
        if (place instanceof JointRoom && state.settlement().started() && state.placement().isConnected(who)) {
            outcome.deliver(who, new Event.SettlementUpdated(state.settlement()));
        }
    }

    private Decision changed(SettlementDraft next, List<Fact> facts) {
        state.settlement(next);
        Outcome outcome = new Outcome();
        facts.forEach(outcome::record);
        outcome.deliverEach(state.placement().connectedIn(JointRoom.INSTANCE, state.roster()),
                new Event.SettlementUpdated(next));
        return outcome.accepted();
    }

    private boolean mayEdit(Participant actor, SettlementDraft draft) {
        return actor.isOnMediationTeam() || draft.scribe().map(actor.id()::equals).orElse(false);
    }

    private Optional<Decision> notInJointRoom(Participant actor) {
        Optional<Room> room = state.placement().speakingRoomOf(actor.id());
        if (room.isEmpty() || !(room.get() instanceof JointRoom)) {
            return Optional.of(refused(ErrorCode.NOT_IN_ROOM, "the agreement is in the joint room"));
        }
        return Optional.empty();
    }

    private static String normalised(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
