package org.parley.room.domain;

/**
 * What a participant says it is sending in its room: microphone on ({@code audio}), camera on ({@code video}), and
 * whether it is sharing its screen. Shown to others in presence, under the same rule as the place it belongs to.
 */
public record MediaState(boolean audio, boolean video, boolean screen) {
}
