package org.parley.room.ws;

import java.util.List;

/**
 * Every frame a client may send, decoded once at the edge. No frame names its sender or its room: the server knows
 * who sent it from the connection's verified ticket and where they are from the live session.
 */
public sealed interface ClientFrame {

    /** A client-chosen correlation id (at most 64 characters), echoed in the error frame a refusal produces. */
    String ref();

    record Start(String ref) implements ClientFrame {
    }

    record End(String ref) implements ClientFrame {
    }

    record Admit(String ref, String participant) implements ClientFrame {
    }

    record OpenCaucus(String ref, String side, List<String> members) implements ClientFrame {
    }

    record CloseCaucus(String ref, String caucus) implements ClientFrame {
    }

    record Move(String ref, String participant, String to) implements ClientFrame {
    }

    record MoveSide(String ref, String side, String to) implements ClientFrame {
    }

    record SendToLobby(String ref, String participant) implements ClientFrame {
    }

    record GoTo(String ref, String to) implements ClientFrame {
    }

    /**
     * A frame that acts in the author's room. It names the place the client showed when it was composed, and
     * optionally that arrival's placement count, so that it is applied there or nowhere.
     */
    sealed interface RoomScoped extends ClientFrame {
        String place();

        /** The {@code placement} of the client's latest {@code you_are_in}, or null when the client omits it. */
        Long placement();
    }

    record Message(String ref, String place, Long placement, String text) implements RoomScoped {
    }

    record Typing(String ref, String place, Long placement, boolean typing) implements RoomScoped {
    }

    record Leave(String ref) implements ClientFrame {
    }

    record Release(String ref, String item, String scope, String wording) implements ClientFrame {
    }

    record ProposeRelease(String ref, String item, String scope, String wording) implements ClientFrame {
    }

    record ConfirmRelease(String ref, String release) implements ClientFrame {
    }

    record WithdrawRelease(String ref, String release) implements ClientFrame {
    }

    record Convey(String ref, String place, Long placement, String release) implements RoomScoped {
    }

    record ConfirmReview(String ref, String caucus) implements ClientFrame {
    }

    /** A party disagrees with its review of a closed caucus; {@code item} and {@code note} are optional. */
    record DisputeReview(String ref, String caucus, String item, String note) implements ClientFrame {
    }

    /** Open caucus only: the mediator conveys a caucus item, verbatim and without a release, into its room. */
    record ConveyItem(String ref, String place, Long placement, String item) implements RoomScoped {
    }

    /** The mediator marks a caucus item as falling under a statutory exception of the named category. */
    record InvokeException(String ref, String item, String category) implements ClientFrame {
    }

    /** The mediator takes out a marked item's text, once. */
    record ExportException(String ref, String item) implements ClientFrame {
    }

    /** The mediator asks one participant, or everyone when no participant is named, to attest again. */
    record RequestReattestation(String ref, String participant) implements ClientFrame {
    }

    /** "I can be overheard": the sender is moved to the lobby at once and the mediator is told. */
    record PrivacyAlert(String ref) implements ClientFrame {
    }

    /** "Knock for the mediator": no content; the mediator is told who knocked and from which room. */
    record Knock(String ref) implements ClientFrame {
    }

    /** Raise hand: no content; those in the sender's room and the mediator see it in presence. */
    record RaiseHand(String ref) implements ClientFrame {
    }

    /** Lowers the sender's raised hand, or (the mediation team) {@code participant}'s; null means the sender's. */
    record LowerHand(String ref, String participant) implements ClientFrame {
    }

    /** The mediator's message to everyone connected in the lobby now. */
    record LobbyMessage(String ref, String text) implements ClientFrame {
    }

    /** The mediator (or its scribe) replaces the settlement draft's text; the draft lives in the joint room. */
    record SettlementEdit(String ref, String text) implements ClientFrame {
    }

    /** The mediator names the scribe who may edit the settlement draft too; no participant: nobody. */
    record SettlementScribe(String ref, String participant) implements ClientFrame {
    }

    /** A party or counsel comments on the settlement draft. */
    record SettlementComment(String ref, String text) implements ClientFrame {
    }

    /**
     * Answered with {@code pong} on the same connection, after every frame the server sent it before: a client
     * (or a test) that receives the pong knows nothing earlier is still on its way.
     */
    record Ping(String ref) implements ClientFrame {
    }

    /** The sender's microphone, camera and screen sharing are on or off; shown to others through presence. */
    record MediaStateReport(String ref, boolean audio, boolean video, boolean screen) implements ClientFrame {
    }

    /** Media signaling, relayed to the media server by Parley; never applied to the session. */
    sealed interface MediaFrame extends ClientFrame {
    }

    /** The SDP offer of the sender's own audio and video, answered with {@code media_answer}. */
    record MediaOffer(String ref, String sdp) implements MediaFrame {
    }

    /** The SDP offer of the sender's shared screen, answered with {@code media_screen_answer}. */
    record MediaScreenOffer(String ref, String sdp) implements MediaFrame {
    }

    /** The sender stopped sharing its screen. */
    record MediaScreenStop(String ref) implements MediaFrame {
    }

    /** The sender's SDP answer to a {@code media_subscribe} for {@code feed}. */
    record MediaSubscribeAnswer(String ref, Long feed, String sdp) implements MediaFrame {
    }

    /**
     * An ICE candidate of the sender's publishing connection (no {@code feed}) or of its subscription to
     * {@code feed}; no {@code candidate}: the sender has no more.
     */
    record MediaCandidate(String ref, Long feed, String candidate, String mid, Integer mline) implements MediaFrame {
    }
}
