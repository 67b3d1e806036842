package org.parley.room.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A value copy of a session's whole state, so tests can prove that a refused command changed nothing. */
record SessionSnapshot(SessionPhase phase, Map<ParticipantId, Place> places,
                       Map<ParticipantId, Long> placementVersions, Set<ParticipantId> connected,
                       List<CaucusInfo> caucuses, Map<Room, List<Item>> history, List<Release> releases,
                       Map<CaucusId, Map<ParticipantId, Boolean>> reviews, Set<ParticipantId> attested,
                       Map<ParticipantId, Set<ParticipantId>> consents, Map<ParticipantId, Instant> disconnectedSince,
                       List<InvokedException> exceptions) {
}
