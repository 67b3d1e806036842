package org.parley.room.domain;

/**
 * What a review shows of an item's latest release: its scope, its audience and the wording the mediator was allowed
 * to use (the item's own words for a verbatim release). {@code wording} is null when it was lost with a server
 * restart. Shown only to the parties of the item's side who heard the item, never recorded.
 */
public record ReviewRelease(ReleaseScope scope, ReleaseAudience audience, String wording, ReleaseStatus status) {
}
