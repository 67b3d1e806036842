package org.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proves that a swallowed asynchronous error fails the test during which it happened: runs a small test class that
 * drops one through the real JUnit launcher, with the same auto-detected extensions as the suite.
 */
class FailOnDroppedExceptionsTest {

    private static final String RUN_INNER = "parley.testing.dropped-exception-demo";

    /** Passes its own assertions but lets a failure go unobserved; only run from the test above. */
    @EnabledIfSystemProperty(named = RUN_INNER, matches = "true")
    static class DropsAnException {

        @Test
        void subscribesWithoutHandlingFailure() {
            // No failure callback: Mutiny hands the error to its dropped-exception handler.
            Uni.createFrom().failure(new IllegalStateException("nobody listened")).subscribe().with(item -> { });
        }
    }

    @Test
    void aTestDuringWhichMutinyDropsAnExceptionFailsWithThatException() {
        TestExecutionSummary summary = run(DropsAnException.class);
        assertEquals(1, summary.getTestsStartedCount(), "the inner test ran");
        assertEquals(1, summary.getTestsFailedCount(), "a dropped exception fails the test that was running");
        Throwable failure = summary.getFailures().get(0).getException();
        assertInstanceOf(AssertionError.class, failure);
        assertTrue(failure.getMessage().startsWith("Mutiny dropped 1 exception(s) during subscribesWithoutHandlingFailure()"),
                failure.getMessage());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertEquals("nobody listened", failure.getCause().getMessage());
    }

    @Test
    @Tag(FailOnDroppedExceptions.TOLERATE_TAG)
    void theHandlerReceivesWhatMutinyDrops() {
        DroppedExceptions.install();
        Uni.createFrom().failure(new IllegalArgumentException("dropped on purpose")).subscribe().with(item -> { });
        List<Throwable> dropped = DroppedExceptions.drain();
        assertEquals(1, dropped.size(), dropped.toString());
        assertEquals("dropped on purpose", dropped.get(0).getMessage());
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        System.setProperty(RUN_INNER, "true");
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                    .build(), listener);
        } finally {
            System.clearProperty(RUN_INNER);
        }
        return listener.getSummary();
    }
}
