package org.parley.room.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Fact;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.ReleaseAudience;
import org.parley.room.domain.ReleaseId;
import org.parley.room.domain.ReleaseScope;
import org.parley.testing.MediationFixture;

/**
 * A group of facts written as one record against the real database: plain event rows go in batches between the
 * facts that have their own statements, in their order, and the whole group commits or rolls back together.
 */
@QuarkusTest
class FactJournalBatchTest {

    private static final ParticipantId AUTHOR = ParticipantId.of(UUID.randomUUID().toString());
    private static final ParticipantId MEDIATOR = ParticipantId.of(UUID.randomUUID().toString());

    @TestHTTPResource("/")
    URI server;

    @Inject
    FactJournal journal;

    @Inject
    Pool pool;

    @Test
    void aGroupKeepsItsOrderAcrossBatchesAndStatements() {
        UUID session = UUID.fromString(MediationFixture.create(server).sessionId);
        Instant at = Instant.parse("2026-03-02T14:00:00Z");
        CaucusId caucus = new CaucusId("c-1");
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            facts.add(new Fact.ItemPosted(new ItemId("i-" + i), Place.joint(), AUTHOR, at));
        }
        facts.add(new Fact.CaucusOpened(caucus, Optional.empty(), Set.of(AUTHOR), MEDIATOR, at));
        facts.add(new Fact.ParticipantMoved(AUTHOR, Place.joint(), Place.caucus(caucus), MEDIATOR, at));
        facts.add(new Fact.ReattestationRequested(AUTHOR, MEDIATOR, at));
        facts.add(new Fact.ItemPosted(new ItemId("i-3"), Place.caucus(caucus), AUTHOR, at));
        facts.add(new Fact.ItemPosted(new ItemId("i-4"), Place.caucus(caucus), AUTHOR, at));

        journal.record(session, facts).await().indefinitely();

        assertEquals(List.of("item_posted", "item_posted", "item_posted", "caucus_opened", "moved",
                "reattestation_requested", "item_posted", "item_posted"), kinds(session));
    }

    @Test
    void aGroupWhoseLaterStatementFailsLeavesNoneOfItsRows() {
        UUID session = UUID.fromString(MediationFixture.create(server).sessionId);
        Instant at = Instant.parse("2026-03-02T14:00:00Z");
        Fact.ReleaseProposed proposed = new Fact.ReleaseProposed(new ReleaseId(UUID.randomUUID().toString()),
                new ItemId("i-0"), ReleaseScope.JOINT_VERBATIM, new ReleaseAudience.Joint(), AUTHOR, "ab".repeat(32), at);
        List<Fact> facts = List.of(new Fact.ItemPosted(new ItemId("i-0"), Place.joint(), AUTHOR, at),
                new Fact.ItemPosted(new ItemId("i-1"), Place.joint(), AUTHOR, at), proposed,
                new Fact.ItemPosted(new ItemId("i-2"), Place.joint(), AUTHOR, at), proposed);

        // The second proposal repeats the first one's id: the database refuses it, and with it the whole group.
        assertThrows(RuntimeException.class, () -> journal.record(session, facts).await().indefinitely());

        assertEquals(List.of(), kinds(session));
        assertEquals(0L, pool.preparedQuery("SELECT count(*) FROM release_record WHERE session_id = $1")
                .execute(Tuple.of(session)).await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void aGroupOfPlainEventRowsIsWrittenWholeOrNotAtAll() {
        UUID session = UUID.fromString(MediationFixture.create(server).sessionId);
        Instant at = Instant.parse("2026-03-02T14:00:00Z");
        List<Fact> written = List.of(new Fact.ItemPosted(new ItemId("i-0"), Place.joint(), AUTHOR, at),
                new Fact.ParticipantMoved(AUTHOR, Place.joint(), Place.caucus(new CaucusId("c-1")), MEDIATOR, at));
        // Longer than the participant column allows: the database refuses this row, after the one before it.
        ParticipantId tooLong = ParticipantId.of("p".repeat(65));
        List<Fact> refused = List.of(new Fact.ItemPosted(new ItemId("i-1"), Place.joint(), AUTHOR, at),
                new Fact.ItemPosted(new ItemId("i-2"), Place.joint(), tooLong, at),
                new Fact.ItemPosted(new ItemId("i-3"), Place.joint(), AUTHOR, at));

        journal.record(session, written).await().indefinitely();
        assertThrows(RuntimeException.class, () -> journal.record(session, refused).await().indefinitely());

        assertEquals(List.of("item_posted", "moved"), kinds(session));
    }

    private List<String> kinds(UUID session) {
        return StreamSupport.stream(pool.preparedQuery("SELECT kind FROM session_event WHERE session_id = $1"
                + " ORDER BY id").execute(Tuple.of(session)).await().indefinitely().spliterator(), false)
                .map(row -> ((Row) row).getString("kind")).toList();
    }
}
