package org.parley.livesession;

import java.util.Objects;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.SeenPlace;

/** What the services around the room may ask a live session; a query changes nothing. */
public sealed interface LiveQuery permits LiveQuery.Phase, LiveQuery.ShareAllowed, LiveQuery.DocumentAccess,
        LiveQuery.PresenceFor, LiveQuery.StatusesFor, LiveQuery.Settlement {

    /** Whether the session has started or ended: answers {@link LiveAnswer.PhaseIs}. */
    record Phase() implements LiveQuery {
    }

    /**
     * Whether the author could share a document into the place they saw now: {@link LiveAnswer.Allowed} or
     * {@link LiveAnswer.Refused}.
     */
    record ShareAllowed(ParticipantId author, SeenPlace seen) implements LiveQuery {
        public ShareAllowed {
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(seen, "seen");
        }
    }

    /** Whether the viewer may fetch the item's document now: {@link LiveAnswer.Document} or a refusal. */
    record DocumentAccess(ParticipantId viewer, ItemId item) implements LiveQuery {
        public DocumentAccess {
            Objects.requireNonNull(viewer, "viewer");
            Objects.requireNonNull(item, "item");
        }
    }

    /** What the viewer may see of everyone's whereabouts: {@link LiveAnswer.Presence}, refused for a stranger. */
    record PresenceFor(ParticipantId viewer) implements LiveQuery {
        public PresenceFor {
            Objects.requireNonNull(viewer, "viewer");
        }
    }

    /** The mediator's status view: {@link LiveAnswer.Statuses}, refused for anyone but the mediator. */
    record StatusesFor(ParticipantId mediator) implements LiveQuery {
        public StatusesFor {
            Objects.requireNonNull(mediator, "mediator");
        }
    }

    /** The joint room's settlement agreement as it stands: {@link LiveAnswer.Settlement}. */
    record Settlement() implements LiveQuery {
    }
}
