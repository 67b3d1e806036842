package org.parley.room.domain;

/** A place where things are said; the lobby is deliberately not a room, so nothing is ever said there. */
public sealed interface Room extends Place permits JointRoom, Caucus {
}
