package org.parley.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.junit.jupiter.api.Test;

/**
 * Every REST resource runs its work to the end when the client hangs up: by default the HTTP layer cancels a
 * request's pipeline when its connection closes, which closes the database session under a query that is still
 * running, can leave half a transaction's steps run without a session and can keep a pool connection. The
 * behaviour is proved through the real server by {@link AbandonedRequestTest}; this guard makes sure no resource
 * is added without it.
 */
class RequestsRunToCompletionTest {

    @Test
    void everyResourceClassIsMarkedNotCancellable() throws IOException {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.size() >= 18, "the scan found the resources: " + resources);
        List<String> cancellable = resources.stream()
                .filter(resource -> resource.getAnnotation(Cancellable.class) == null
                        || resource.getAnnotation(Cancellable.class).value())
                .map(Class::getName).toList();
        assertEquals(List.of(), cancellable, "resources without @Cancellable(false)");
    }

    private static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path classes = Paths.get("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(RequestsRunToCompletionTest::load)
                    .filter(type -> type.isAnnotationPresent(Path.class)).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RequestsRunToCompletionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
