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

    record Message(String ref, String text) implements ClientFrame {
    }

    record Typing(String ref, boolean typing) implements ClientFrame {
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

    record Convey(String ref, String release) implements ClientFrame {
    }

    record ConfirmReview(String ref, String caucus) implements ClientFrame {
    }

    /** The mediator asks one participant, or everyone when no participant is named, to attest again. */
    record RequestReattestation(String ref, String participant) implements ClientFrame {
    }

    /** "I can be overheard": the sender is moved to the lobby at once and the mediator is told. */
    record PrivacyAlert(String ref) implements ClientFrame {
    }
}
