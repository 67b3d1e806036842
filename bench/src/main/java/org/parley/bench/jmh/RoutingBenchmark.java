package org.parley.bench.jmh;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Decision;
import org.parley.room.domain.Fact;
import org.parley.room.domain.IdSource;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.Participant;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.Side;

/**
 * The routing decision of the pure core: one message in a session of eight (a mediator and, on each of two sides,
 * a party and two counsel, plus one more party on side A), everyone in the joint room, or side A with the mediator
 * in its caucus while side B waits in the joint room. Measures {@code postMessage}: the check of the author's
 * place, the item and the deliveries to whoever is present.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Pinned to one CPU, the JIT compiles on the core it measures: the score settles only after about 16 s.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class RoutingBenchmark {

    @Param({"joint", "caucus"})
    public String layout;

    /**
     * Messages per invocation, each invocation on a fresh session built before it (not timed). A room keeps every
     * item until its session ends, as in service; a day's mediation hears hundreds to a few thousand messages, not
     * the millions of a one-second iteration, whose growing live set made this measure the collector copying it.
     */
    static final int MESSAGES_PER_SESSION = 2_000;

    private LiveSession session;
    private ParticipantId author;
    private SeenPlace seen;

    /** Built before each invocation: an invocation lasts milliseconds, so its timestamps cost nothing measurable. */
    @Setup(Level.Invocation)
    public void buildSession() {
        List<Participant> roster = new ArrayList<>(List.of(
                Participant.mediator("m", "Mediator"),
                Participant.party("pa1", "Party A1", "A"), Participant.party("pa2", "Party A2", "A"),
                Participant.counsel("ca1", "Counsel A1", "A"), Participant.counsel("ca2", "Counsel A2", "A"),
                Participant.party("pb", "Party B", "B"),
                Participant.counsel("cb1", "Counsel B1", "B"), Participant.counsel("cb2", "Counsel B2", "B")));
        session = new LiveSession(new SessionId("bench"), roster, Clock.systemUTC(), IdSource.randomUuids());
        ParticipantId mediator = ParticipantId.of("m");
        for (Participant participant : roster) {
            session.connect(participant.id());
            session.markAttested(participant.id());
        }
        session.startSession(mediator);
        for (Participant participant : roster) {
            session.admit(mediator, participant.id());
        }
        author = ParticipantId.of("pa1");
        seen = SeenPlace.of(Place.joint());
        if ("caucus".equals(layout)) {
            Decision opened = session.openSideCaucus(mediator, Side.of("A"));
            CaucusId caucus = ((Decision.Accepted) opened).facts().stream()
                    .filter(Fact.CaucusOpened.class::isInstance).map(Fact.CaucusOpened.class::cast)
                    .findFirst().orElseThrow().caucusId();
            session.moveSide(mediator, Side.of("A"), Place.caucus(caucus));
            session.goTo(mediator, Place.caucus(caucus));
            seen = SeenPlace.of(Place.caucus(caucus));
        }
    }

    /** {@link #MESSAGES_PER_SESSION} decisions; the score is per decision. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES_PER_SESSION)
    public void oneMessage(Blackhole decisions) {
        for (int i = 0; i < MESSAGES_PER_SESSION; i++) {
            decisions.consume(session.postMessage(author, seen, "We could accept 40,000 if the fence stays."));
        }
    }
}
