package org.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Inside a test server, where Quarkus installs its own handler at start-up, dropped exceptions still reach ours. */
@QuarkusTest
class DroppedExceptionsQuarkusTest {

    @Test
    @Tag(FailOnDroppedExceptions.TOLERATE_TAG)
    void anExceptionDroppedByTheServersMutinyIsCollected() {
        Uni.createFrom().failure(new IllegalStateException("dropped inside the server")).subscribe().with(item -> { });
        List<Throwable> dropped = DroppedExceptions.drain();
        assertEquals(1, dropped.size(), dropped.toString());
        assertEquals("dropped inside the server", dropped.get(0).getMessage());
    }
}
