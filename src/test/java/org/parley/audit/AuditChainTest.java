package org.parley.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.parley.audit.Verification.Problem;

/**
 * The hash chain on its own: not a @QuarkusTest, because the chain is plain Java and the tests can simply call it.
 */
class AuditChainTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");
    private static final UUID CASE = UUID.fromString("6f1f7c3e-2b0a-4a55-9d0e-0c3b8f7f0a01");
    private static final UUID SESSION = UUID.fromString("0b8e3a52-77d4-4e0c-8f55-3f7f2d9c1b02");

    /** Six records, as the appender would have written them. */
    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord record = AuditChain.seal(i, T0.plusSeconds(i), entry(i), prev);
            records.add(record);
            prev = record.hash();
        }
        return records;
    }

    private static AuditEntry entry(int i) {
        return new AuditEntry("participant-" + i, i % 2 == 0 ? AuditKinds.MOVE : AuditKinds.RELEASE, "court-north",
                CASE, SESSION, "caucus:c" + i, "release-" + i, i == 5 ? "not_released" : AuditEntry.OK);
    }

    private static AuditRecord with(AuditRecord r, UnaryOperator<Builder> change) {
        return change.apply(new Builder(r)).build();
    }

    /** Rewrites a record field by field, the way someone with database rights could. */
    private static final class Builder {
        long seq;
        Instant at;
        String actor;
        String kind;
        String courtId;
        UUID caseId;
        UUID sessionId;
        String room;
        String target;
        String result;
        String prevHash;
        String hash;

        Builder(AuditRecord r) {
            seq = r.seq();
            at = r.at();
            actor = r.actor();
            kind = r.kind();
            courtId = r.courtId();
            caseId = r.caseId();
            sessionId = r.sessionId();
            room = r.room();
            target = r.target();
            result = r.result();
            prevHash = r.prevHash();
            hash = r.hash();
        }

        Builder set(Runnable change) {
            change.run();
            return this;
        }

        /** Recomputes the record's own hash, as a careful attacker would. */
        Builder rehash() {
            hash = AuditChain.hash(prevHash, build());
            return this;
        }

        AuditRecord build() {
            return new AuditRecord(seq, at, actor, kind, courtId, caseId, sessionId, room, target, result, prevHash,
                    hash);
        }
    }

    private static void assertBroken(Verification verification, long firstBadSeq, Problem problem) {
        assertFalse(verification.ok(), "the chain must be reported broken");
        assertEquals(firstBadSeq, verification.firstBadSeq(), verification.why());
        assertEquals(problem, verification.problem(), verification.why());
        assertTrue(verification.headSeq() < firstBadSeq, "the intact prefix ends before the bad record");
        assertEquals(verification.headSeq(), verification.records());
    }

    @Test
    void anUntouchedChainVerifiesWithItsCountAndHead() {
        List<AuditRecord> records = chain(6);
        Verification verification = AuditChain.verify(records);
        assertTrue(verification.ok(), verification.why());
        assertEquals(6, verification.records());
        assertEquals(6, verification.headSeq());
        assertEquals(records.get(5).hash(), verification.headHash());
        assertNull(verification.firstBadSeq());
        assertEquals(AuditChain.GENESIS, records.get(0).prevHash());
    }

    @Test
    void anEmptyChainVerifiesWithTheGenesisHead() {
        Verification verification = AuditChain.verify(List.of());
        assertTrue(verification.ok());
        assertEquals(0, verification.records());
        assertEquals(ChainHead.EMPTY, verification.head());
    }

    @Test
    void everyChangedFieldIsDetectedAtItsRecord() {
        List<UnaryOperator<Builder>> changes = List.of(
                b -> b.set(() -> b.at = b.at.plusNanos(1000)),
                b -> b.set(() -> b.actor = "participant-9"),
                b -> b.set(() -> b.kind = AuditKinds.CONVEY),
                b -> b.set(() -> b.courtId = "court-south"),
                b -> b.set(() -> b.courtId = null),
                b -> b.set(() -> b.caseId = UUID.randomUUID()),
                b -> b.set(() -> b.sessionId = null),
                b -> b.set(() -> b.room = "joint"),
                b -> b.set(() -> b.target = "release-9"),
                b -> b.set(() -> b.result = "forged"),
                b -> b.set(() -> b.hash = "f" + b.hash.substring(1)));
        for (UnaryOperator<Builder> change : changes) {
            List<AuditRecord> records = chain(6);
            records.set(2, with(records.get(2), change));
            assertBroken(AuditChain.verify(records), 3, Problem.ALTERED);
        }
    }

    @Test
    void aChangedRecordWithARecomputedHashBreaksTheNextLink() {
        List<AuditRecord> records = chain(6);
        records.set(2, with(records.get(2), b -> b.set(() -> b.result = "forged").rehash()));
        assertBroken(AuditChain.verify(records), 4, Problem.INSERTED);
    }

    @Test
    void aSplicedRecordWithACorrectOwnHashIsDetectedAtItsSuccessor() {
        List<AuditRecord> records = chain(6);
        // The attacker renumbers 3.. to make room (PostgreSQL would refuse a second seq 3) and links the new
        // record to record 2 with a correct hash of its own.
        AuditRecord spliced = AuditChain.seal(3, T0.plusSeconds(3), entry(42), records.get(1).hash());
        List<AuditRecord> tampered = new ArrayList<>(records.subList(0, 2));
        tampered.add(spliced);
        for (AuditRecord later : records.subList(2, 6)) {
            tampered.add(with(later, b -> b.set(() -> b.seq = b.seq + 1)));
        }
        assertBroken(AuditChain.verify(tampered), 4, Problem.INSERTED);
    }

    @Test
    void aSplicedRecordThatRepeatsASeqIsDetected() {
        List<AuditRecord> records = chain(6);
        records.add(2, AuditChain.seal(3, T0, entry(42), records.get(1).hash()));
        assertBroken(AuditChain.verify(records), 3, Problem.INSERTED);
    }

    @Test
    void aSplicedFirstRecordIsDetected() {
        List<AuditRecord> records = chain(3);
        List<AuditRecord> tampered = new ArrayList<>();
        tampered.add(AuditChain.seal(1, T0, entry(42), AuditChain.GENESIS));
        records.forEach(r -> tampered.add(with(r, b -> b.set(() -> b.seq = b.seq + 1))));
        assertBroken(AuditChain.verify(tampered), 2, Problem.INSERTED);
    }

    @Test
    void swappedRecordsAreDetectedAtTheFirstOfThem() {
        List<AuditRecord> records = chain(6);
        AuditRecord third = records.get(2);
        AuditRecord fourth = records.get(3);
        records.set(2, with(fourth, b -> b.set(() -> b.seq = 3)));
        records.set(3, with(third, b -> b.set(() -> b.seq = 4)));
        assertBroken(AuditChain.verify(records), 3, Problem.INSERTED);
    }

    @Test
    void aDeletedMiddleRecordIsDetectedAtTheRecordAfterTheGap() {
        List<AuditRecord> records = chain(6);
        records.remove(2);
        Verification verification = AuditChain.verify(records);
        assertBroken(verification, 4, Problem.DELETED);
        assertTrue(verification.detail().startsWith("record 3 missing"), verification.detail());

        List<AuditRecord> twoGone = chain(6);
        twoGone.subList(2, 4).clear();
        assertBroken(AuditChain.verify(twoGone), 5, Problem.DELETED);
    }

    @Test
    void aDeletedFirstRecordIsDetected() {
        List<AuditRecord> records = chain(6);
        records.remove(0);
        assertBroken(AuditChain.verify(records), 2, Problem.DELETED);
    }

    @Test
    void aDeletedLastRecordIsDetectedOnlyAgainstAKeptHead() {
        List<AuditRecord> records = chain(6);
        ChainHead kept = AuditChain.verify(records).head();
        records.remove(5);
        // On its own, a chain cut short is a valid shorter chain: this is why operators keep the head.
        assertTrue(AuditChain.verify(records).ok());
        Verification verification = AuditChain.verify(records, Optional.of(kept));
        assertBroken(verification, 6, Problem.TRUNCATED);
        assertEquals(5, verification.records());
    }

    @Test
    void aChainGrownSinceTheKeptHeadStillVerifies() {
        List<AuditRecord> records = chain(6);
        ChainHead kept = new ChainHead(4, records.get(3).hash());
        assertTrue(AuditChain.verify(records, Optional.of(kept)).ok());
        assertTrue(AuditChain.verify(records, Optional.of(ChainHead.EMPTY)).ok());
    }

    @Test
    void aChainRebuiltFromScratchIsDetectedAgainstAKeptHead() {
        List<AuditRecord> original = chain(6);
        ChainHead kept = AuditChain.verify(original).head();
        List<AuditRecord> rebuilt = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (AuditRecord r : original) {
            AuditEntry entry = new AuditEntry(r.actor(), r.kind(), r.courtId(), r.caseId(), r.sessionId(), r.room(),
                    r.target(), r.seq() == 2 ? "forged" : r.result());
            AuditRecord sealed = AuditChain.seal(r.seq(), r.at(), entry, prev);
            rebuilt.add(sealed);
            prev = sealed.hash();
        }
        assertTrue(AuditChain.verify(rebuilt).ok(), "a rebuilt chain is consistent in itself");
        Verification verification = AuditChain.verify(rebuilt, Optional.of(kept));
        assertBroken(verification, 6, Problem.REWRITTEN);
        assertEquals(ChainHead.EMPTY, verification.head(), "where the rewrite began is unknown: nothing is vouched for");
    }

    @Test
    void theVerifierStopsAtTheFirstBadRecord() {
        List<AuditRecord> records = chain(6);
        records.set(1, with(records.get(1), b -> b.set(() -> b.result = "forged")));
        records.set(4, with(records.get(4), b -> b.set(() -> b.result = "forged")));
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        assertTrue(verifier.accept(records.get(0)));
        assertFalse(verifier.accept(records.get(1)));
        assertFalse(verifier.accept(records.get(2)), "nothing after the first break is accepted");
        assertBroken(verifier.result(), 2, Problem.ALTERED);
    }

    @Test
    void theEncodingSeparatesFieldsAndNulls() {
        AuditRecord base = chain(1).get(0);
        AuditRecord shifted = with(base, b -> b.set(() -> {
            b.courtId = "court-nort";
            b.room = "h" + b.room;
        }));
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, base), AuditChain.hash(AuditChain.GENESIS, shifted));
        AuditRecord emptyRoom = with(base, b -> b.set(() -> b.room = ""));
        AuditRecord noRoom = with(base, b -> b.set(() -> b.room = null));
        assertNotEquals(AuditChain.hash(AuditChain.GENESIS, emptyRoom), AuditChain.hash(AuditChain.GENESIS, noRoom));
    }

    @Test
    void timeIsKeptToTheMicrosecondLikePostgres() {
        AuditRecord sealed = AuditChain.seal(1, Instant.parse("2025-03-01T09:00:00.123456789Z"), entry(1),
                AuditChain.GENESIS);
        assertEquals(Instant.parse("2025-03-01T09:00:00.123456Z"), sealed.at());
        assertEquals(sealed.hash(), AuditChain.hash(sealed.prevHash(), sealed), "it verifies after a round trip");
    }

    @Test
    void theHashOfAKnownRecordNeverChanges() {
        // Pinned: a change to the canonical form would make every stored chain unverifiable.
        AuditRecord sealed = AuditChain.seal(1, T0, entry(1), AuditChain.GENESIS);
        assertEquals(PINNED_HASH, sealed.hash());
    }

    private static final String PINNED_HASH = "efedee5bab21efd5a6d46c7f0d0c9fc1d5f900cfb1c9db59be38d958ca433e98";
}
