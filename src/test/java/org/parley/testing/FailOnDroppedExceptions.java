package org.parley.testing;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when Mutiny dropped an exception while it ran: a swallowed asynchronous error is a bug even when the
 * test's own assertions passed. Registered for every test class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (Quarkus's junit-platform.properties turns on
 * extension auto-detection).
 */
public final class FailOnDroppedExceptions implements BeforeEachCallback, AfterEachCallback {

    /** Lets a test that drops exceptions on purpose (the test of this extension) opt out. */
    public static final String TOLERATE_TAG = "tolerates-dropped-exceptions";

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        invoke(context, "install");
        // Dropped while the test server started, or after the previous test ended: no test owns it, but it must not
        // vanish, so the next test reports it, saying when it happened.
        failIfAny(context, "before " + context.getDisplayName() + " started (while a test server started or after "
                + "the previous test ended)");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        failIfAny(context, "during " + context.getDisplayName());
    }

    @SuppressWarnings("unchecked")
    private static void failIfAny(ExtensionContext context, String when) throws Exception {
        List<Throwable> dropped = (List<Throwable>) invoke(context, "drain");
        if (dropped.isEmpty() || context.getTags().contains(TOLERATE_TAG)) {
            return;
        }
        AssertionError failure = new AssertionError("Mutiny dropped " + dropped.size() + " exception(s) " + when
                + "; the first: " + dropped.get(0), dropped.get(0));
        dropped.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
    }

    /**
     * Calls {@link DroppedExceptions} as loaded by the test class's own class loader: a {@code @QuarkusTest} class
     * lives in the application's class loader, with the application's copy of Mutiny, which is not this
     * extension's.
     */
    private static Object invoke(ExtensionContext context, String method) throws Exception {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        Class<?> collector = Class.forName(DroppedExceptions.class.getName(), true, loader);
        try {
            return collector.getMethod(method).invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
