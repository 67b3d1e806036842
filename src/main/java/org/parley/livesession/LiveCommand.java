package org.parley.livesession;

import java.util.Objects;
import org.parley.room.domain.DocumentInfo;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SeenPlace;

/**
 * What the services around the room may ask a live session to do. Each command is a value (ids, codes and the
 * participant's roster entry), so that it can travel to the node that holds the session.
 */
public sealed interface LiveCommand permits LiveCommand.AttestationGiven, LiveCommand.ConsentChanged,
        LiveCommand.ParticipantInvited, LiveCommand.ParticipantRevoked, LiveCommand.ShareDocument,
        LiveCommand.EndForCaseClosure, LiveCommand.SignSettlement {

    /**
     * The participant's attestation for this session is recorded: they are marked attested, and put on the roster
     * first if the session does not know them yet (invited while its roster was loading), so that the attestation
     * is not lost.
     */
    record AttestationGiven(Participant participant) implements LiveCommand {
        public AttestationGiven {
            Objects.requireNonNull(participant, "participant");
        }
    }

    /** A party's consent to a third party is recorded; a withdrawal moves the third party out of every room. */
    record ConsentChanged(ParticipantId party, ParticipantId thirdParty, boolean consented) implements LiveCommand {
        public ConsentChanged {
            Objects.requireNonNull(party, "party");
            Objects.requireNonNull(thirdParty, "thirdParty");
        }
    }

    /** Someone was invited to the case: they join the roster and are announced before they can connect. */
    record ParticipantInvited(Participant participant) implements LiveCommand {
        public ParticipantInvited {
            Objects.requireNonNull(participant, "participant");
        }
    }

    /** Someone's access to the case was revoked: their connections to the session close at once. */
    record ParticipantRevoked(ParticipantId participant) implements LiveCommand {
        public ParticipantRevoked {
            Objects.requireNonNull(participant, "participant");
        }
    }

    /**
     * A document, already checked and stored encrypted, is shared as an item into the place its author saw; the
     * caption is content, like a message, and is never logged.
     */
    record ShareDocument(ParticipantId author, SeenPlace seen, DocumentInfo document, String caption)
            implements LiveCommand {
        public ShareDocument {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(seen, "seen");
            Objects.requireNonNull(document, "document");
        }

        @Override
        public String toString() {
            return "ShareDocument[author=" + author + ", document=" + document.id() + "]";
        }
    }

    /**
     * The case has closed (its closing committed): the session ends with reason {@code case_closed}, its clients
     * are told and closed, and it never loads again, whether or not it was held live.
     */
    record EndForCaseClosure() implements LiveCommand {
    }

    /**
     * A signer signs the joint room's settlement agreement under the name it typed, for the text whose hash it was
     * shown; the REST layer has checked its fresh sign-in. The signature is recorded before anyone is told.
     */
    record SignSettlement(ParticipantId signer, String name, String textSha256, boolean fileWithCourt)
            implements LiveCommand {
        public SignSettlement {
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(textSha256, "textSha256");
        }

        /** Names the signer by id only: the typed name is personal data and stays out of any log line. */
        @Override
        public String toString() {
            return "SignSettlement[signer=" + signer.value() + ", file=" + fileWithCourt + "]";
        }
    }
}
