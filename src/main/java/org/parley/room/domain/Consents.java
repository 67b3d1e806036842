package org.parley.room.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which parties consent to which third party; a third party may be in a room only while every party does. */
final class Consents {

    private final Map<ParticipantId, Set<ParticipantId>> partiesConsentingTo = new HashMap<>();

    /** Returns whether this changed anything, so that replaying a persisted consent is a no-op. */
    boolean set(ParticipantId party, ParticipantId thirdParty, boolean consented) {
        Set<ParticipantId> parties = partiesConsentingTo.computeIfAbsent(thirdParty, id -> new HashSet<>());
        return consented ? parties.add(party) : parties.remove(party);
    }

    /** The roster's parties (in roster order) that have not consented to the third party. */
    List<ParticipantId> missingFor(ParticipantId thirdParty, Roster roster) {
        Set<ParticipantId> consenting = partiesConsentingTo.getOrDefault(thirdParty, Set.of());
        return roster.all().stream()
                .filter(p -> p.role() == Role.PARTY && !consenting.contains(p.id()))
                .map(Participant::id)
                .toList();
    }

    Consents copy() {
        Consents copy = new Consents();
        partiesConsentingTo.forEach((thirdParty, parties) -> copy.partiesConsentingTo.put(thirdParty,
                new HashSet<>(parties)));
        return copy;
    }

    Map<ParticipantId, Set<ParticipantId>> snapshot() {
        Map<ParticipantId, Set<ParticipantId>> copy = new HashMap<>();
        partiesConsentingTo.forEach((thirdParty, parties) -> copy.put(thirdParty, Set.copyOf(parties)));
        return Map.copyOf(copy);
    }
}
