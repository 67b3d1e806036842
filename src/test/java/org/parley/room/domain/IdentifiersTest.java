package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.eventsFor;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How sessions, participants, ids and release audiences are named to the outside. */
class IdentifiersTest {

    @Test
    void productionIdsAreDistinctRandomUuids() {
        IdSource ids = IdSource.randomUuids();

        Set<String> drawn = Stream.generate(ids::nextId).limit(50).collect(Collectors.toSet());

        assertEquals(50, drawn.size());
        drawn.forEach(id -> assertEquals(4, UUID.fromString(id).version(), id));
    }

    @Test
    void productionIdsStayDistinctRandomUuidsAcrossTheirBlockRefills() throws Exception {
        // Seeded, so that the bytes are known: each id is the next 16 of them with the version and variant set.
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(42L);
        SecureRandom same = SecureRandom.getInstance("SHA1PRNG");
        same.setSeed(42L);
        byte[] block = new byte[4096];
        same.nextBytes(block);
        java.nio.ByteBuffer first = java.nio.ByteBuffer.wrap(block);
        UUID expected = new UUID((first.getLong() & ~0xF000L) | 0x4000L,
                (first.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        IdSource ids = new BufferedRandomUuids(seeded);

        List<String> drawn = Stream.generate(ids::nextId).limit(1000).toList();

        assertEquals(expected.toString(), drawn.get(0));
        assertEquals(1000, Set.copyOf(drawn).size());
        for (String id : drawn) {
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
        }
    }

    @Test
    void participantIdsOrderByTheirValue() {
        TreeSet<ParticipantId> sorted = new TreeSet<>(List.of(
                ParticipantId.of("mediator"), ParticipantId.of("counselA"), ParticipantId.of("partyB")));

        assertEquals(List.of("counselA", "mediator", "partyB"),
                sorted.stream().map(ParticipantId::value).toList());
    }

    @Test
    void releaseAudiencesKeepTheirWireSpelling() {
        // The room frames and the fact journal write these strings; clients and stored rows depend on them.
        assertEquals("joint", new ReleaseAudience.Joint().toString());
        assertEquals("caucus_of:B", new ReleaseAudience.OtherSideCaucus(Side.of("B")).toString());
    }

    @Test
    void joiningTellsTheParticipantWhichSessionAndWhoTheyAre() {
        SessionFixture f = SessionFixture.fresh();

        Event.Joined joined = eventsFor(f.session.connect(PA), PA, Event.Joined.class).get(0);

        assertEquals(new SessionId("session-1"), joined.sessionId());
        assertEquals(f.session.sessionId(), joined.sessionId());
        assertEquals(PA, joined.you());
        assertEquals(SessionPhase.NOT_STARTED, joined.phase());
    }
}
