package org.parley.room.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a session's state to its {@link DurableState} and back. Restoring brings back everything but content: the
 * rooms' items and the releases' wordings stay lost, so a restored open release can never be conveyed.
 */
final class DurableStates {

    private static final String CAUCUS_PREFIX = "caucus:";
    private static final String CAUCUS_OF_PREFIX = "caucus_of:";

    private DurableStates() {
    }

    static DurableState of(SessionState state) {
        List<DurableState.PlacementEntry> placements = new ArrayList<>();
        Map<ParticipantId, Place> places = state.placement().placesSnapshot();
        Map<ParticipantId, Long> versions = state.placement().versionsSnapshot();
        for (Participant participant : state.roster().all()) {
            ParticipantId id = participant.id();
            if (places.containsKey(id) || versions.containsKey(id)) {
                placements.add(new DurableState.PlacementEntry(id.value(),
                        places.containsKey(id) ? format(places.get(id)) : null, versions.getOrDefault(id, 0L)));
            }
        }
        List<DurableState.CaucusEntry> caucuses = state.caucuses().snapshot().stream()
                .map(caucus -> new DurableState.CaucusEntry(caucus.id().value(),
                        caucus.forSide().map(Side::name).orElse(null), sorted(caucus.members()),
                        caucus.sidesServed().stream().map(Side::name).sorted().toList(), caucus.open()))
                .toList();
        List<DurableState.ReleaseEntry> releases = state.releases().all().stream()
                .map(release -> new DurableState.ReleaseEntry(release.id().value(), release.itemId().value(),
                        lower(release.scope().name()), release.audience().toString(),
                        release.requestedBy().value(), release.confirmedBy().map(ParticipantId::value).orElse(null),
                        lower(release.status().name()), release.origin().author().value(),
                        release.origin().authorSide().map(Side::name).orElse(null),
                        sorted(release.origin().heardBy())))
                .toList();
        List<DurableState.ReviewOwed> reviews = new ArrayList<>();
        state.reviews().snapshot().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(CaucusId::value)))
                .forEach(byCaucus -> byCaucus.getValue().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(Comparator.comparing(ParticipantId::value)))
                        .forEach(entry -> reviews.add(new DurableState.ReviewOwed(byCaucus.getKey().value(),
                                entry.getKey().value(), entry.getValue()))));
        List<DurableState.ConsentEntry> consents = new ArrayList<>();
        state.consents().snapshot().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ParticipantId::value)))
                .forEach(byThirdParty -> sorted(byThirdParty.getValue()).forEach(party -> consents.add(
                        new DurableState.ConsentEntry(party, byThirdParty.getKey().value()))));
        return new DurableState(DurableState.FORMAT, lower(state.phase().name()),
                state.startedAt() == null ? null : state.startedAt().toString(), placements, caucuses, releases,
                reviews, sorted(state.attestations().snapshot()), consents);
    }

    /**
     * Restores a fresh session (nobody connected, nothing said) to the durable state. Entries naming someone no
     * longer on the roster are skipped: a revoked participant does not come back with a restart.
     */
    static void restore(SessionState state, DurableState durable) {
        if (durable.format() != DurableState.FORMAT) {
            throw new IllegalArgumentException("durable state of format " + durable.format());
        }
        state.phase(SessionPhase.valueOf(durable.phase().toUpperCase(Locale.ROOT)));
        state.startedAt(durable.startedAt() == null ? null : Instant.parse(durable.startedAt()));
        for (DurableState.PlacementEntry entry : durable.placements()) {
            ParticipantId id = ParticipantId.of(entry.participant());
            if (onRoster(state, id)) {
                state.placement().restore(id, entry.place() == null ? null : parsePlace(entry.place()),
                        entry.version());
            }
        }
        for (DurableState.CaucusEntry entry : durable.caucuses()) {
            state.caucuses().add(new CaucusInfo(new CaucusId(entry.id()),
                    Optional.ofNullable(entry.side()).map(Side::of), ids(entry.members()),
                    Set.copyOf(entry.sidesServed().stream().map(Side::of).toList()), entry.open()));
        }
        for (DurableState.ReleaseEntry entry : durable.releases()) {
            // The wording is content and was never stored: it stays null, which marks the release as lost.
            state.releases().put(new Release(new ReleaseId(entry.id()), new ItemId(entry.item()),
                    ReleaseScope.valueOf(entry.scope().toUpperCase(Locale.ROOT)), parseAudience(entry.audience()),
                    null, ParticipantId.of(entry.requestedBy()),
                    Optional.ofNullable(entry.confirmedBy()).map(ParticipantId::of),
                    ReleaseStatus.valueOf(entry.status().toUpperCase(Locale.ROOT)),
                    new ItemOrigin(ParticipantId.of(entry.itemAuthor()),
                            Optional.ofNullable(entry.itemSide()).map(Side::of), ids(entry.heardBy()))));
        }
        for (DurableState.ReviewOwed entry : durable.reviews()) {
            CaucusId caucus = new CaucusId(entry.caucus());
            ParticipantId party = ParticipantId.of(entry.participant());
            if (onRoster(state, party)) {
                state.reviews().request(caucus, party);
                if (entry.confirmed()) {
                    state.reviews().confirm(caucus, party);
                }
            }
        }
        durable.attested().stream().map(ParticipantId::of).filter(id -> onRoster(state, id))
                .forEach(state.attestations()::attest);
        for (DurableState.ConsentEntry entry : durable.consents()) {
            state.consents().set(ParticipantId.of(entry.party()), ParticipantId.of(entry.thirdParty()), true);
        }
        state.markContentLost();
    }

    private static boolean onRoster(SessionState state, ParticipantId id) {
        return state.roster().find(id).isPresent();
    }

    static String format(Place place) {
        if (place instanceof Lobby) {
            return "lobby";
        }
        if (place instanceof JointRoom) {
            return "joint";
        }
        return CAUCUS_PREFIX + ((Caucus) place).caucusId().value();
    }

    static Place parsePlace(String wire) {
        if ("lobby".equals(wire)) {
            return Place.lobby();
        }
        if ("joint".equals(wire)) {
            return Place.joint();
        }
        if (wire.startsWith(CAUCUS_PREFIX) && wire.length() > CAUCUS_PREFIX.length()) {
            return Place.caucus(new CaucusId(wire.substring(CAUCUS_PREFIX.length())));
        }
        throw new IllegalArgumentException("not a place: " + wire);
    }

    private static ReleaseAudience parseAudience(String wire) {
        if ("joint".equals(wire)) {
            return new ReleaseAudience.Joint();
        }
        if (wire.startsWith(CAUCUS_OF_PREFIX) && wire.length() > CAUCUS_OF_PREFIX.length()) {
            return new ReleaseAudience.OtherSideCaucus(Side.of(wire.substring(CAUCUS_OF_PREFIX.length())));
        }
        throw new IllegalArgumentException("not a release audience: " + wire);
    }

    private static Set<ParticipantId> ids(List<String> values) {
        return Set.copyOf(values.stream().map(ParticipantId::of).toList());
    }

    private static List<String> sorted(Set<ParticipantId> ids) {
        return ids.stream().map(ParticipantId::value).sorted().toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
