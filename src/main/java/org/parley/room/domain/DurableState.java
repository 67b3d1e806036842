package org.parley.room.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything of a live session that must survive a restart, and nothing of its content: phase, placements,
 * caucuses, releases (ids, scope, status and the item's origin, never the wording), owed reviews, attestations and
 * consents. Plain strings and lists in a fixed order, so that a store can write it as it is and two equal states
 * are equal values. {@link #FORMAT} names the shape, so that a stored one of another shape is never misread.
 */
public record DurableState(int format, String phase, String startedAt, List<PlacementEntry> placements,
                           List<CaucusEntry> caucuses, List<ReleaseEntry> releases, List<ReviewOwed> reviews,
                           List<String> attested, List<ConsentEntry> consents) {

    /** The shape of this record; raised whenever a component changes meaning. */
    public static final int FORMAT = 1;

    public DurableState {
        Objects.requireNonNull(phase, "phase");
        placements = List.copyOf(placements);
        caucuses = List.copyOf(caucuses);
        releases = List.copyOf(releases);
        reviews = List.copyOf(reviews);
        attested = List.copyOf(attested);
        consents = List.copyOf(consents);
    }

    /** A participant's place ({@code lobby}, {@code joint}, {@code caucus:<id>}, or null when unplaced) and move count. */
    public record PlacementEntry(String participant, String place, long version) {
    }

    /** A caucus, open or closed; {@code side} is null for an ad-hoc caucus. */
    public record CaucusEntry(String id, String side, List<String> members, List<String> sidesServed, boolean open) {
        public CaucusEntry {
            members = List.copyOf(members);
            sidesServed = List.copyOf(sidesServed);
        }
    }

    /**
     * A release without its wording: {@code audience} is {@code joint} or {@code caucus_of:<side>}, {@code status}
     * the book's status, and the item's author, side and audience say who may see the release.
     */
    public record ReleaseEntry(String id, String item, String scope, String audience, String requestedBy,
                               String confirmedBy, String status, String itemAuthor, String itemSide,
                               List<String> heardBy) {
        public ReleaseEntry {
            heardBy = List.copyOf(heardBy);
        }
    }

    /** A party's review of a closed caucus, owed ({@code confirmed} false) or given. */
    public record ReviewOwed(String caucus, String participant, boolean confirmed) {
    }

    /** A party's consent to a third party. */
    public record ConsentEntry(String party, String thirdParty) {
    }
}
