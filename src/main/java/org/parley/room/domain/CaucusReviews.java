package org.parley.room.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which party owes (or has given) a review confirmation for which closed caucus. */
final class CaucusReviews {

    private final Map<CaucusId, Map<ParticipantId, Boolean>> confirmedByCaucus = new LinkedHashMap<>();

    void request(CaucusId caucus, ParticipantId party) {
        confirmedByCaucus.computeIfAbsent(caucus, id -> new LinkedHashMap<>()).put(party, false);
    }

    boolean isRequested(CaucusId caucus, ParticipantId party) {
        return confirmedByCaucus.getOrDefault(caucus, Map.of()).containsKey(party);
    }

    boolean isConfirmed(CaucusId caucus, ParticipantId party) {
        return confirmedByCaucus.getOrDefault(caucus, Map.of()).getOrDefault(party, false);
    }

    void confirm(CaucusId caucus, ParticipantId party) {
        confirmedByCaucus.get(caucus).put(party, true);
    }

    List<CaucusId> pendingFor(ParticipantId party) {
        return confirmedByCaucus.entrySet().stream()
                .filter(e -> Boolean.FALSE.equals(e.getValue().get(party)))
                .map(Map.Entry::getKey)
                .toList();
    }

    CaucusReviews copy() {
        CaucusReviews copy = new CaucusReviews();
        confirmedByCaucus.forEach((id, byParty) -> copy.confirmedByCaucus.put(id, new LinkedHashMap<>(byParty)));
        return copy;
    }

    void clear() {
        confirmedByCaucus.clear();
    }

    Map<CaucusId, Map<ParticipantId, Boolean>> snapshot() {
        Map<CaucusId, Map<ParticipantId, Boolean>> copy = new LinkedHashMap<>();
        confirmedByCaucus.forEach((id, byParty) -> copy.put(id, Map.copyOf(byParty)));
        return Map.copyOf(copy);
    }
}
