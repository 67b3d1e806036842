package org.parley.media.setup;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.parley.media.MediaGrants;
import org.parley.media.NoMediaGrants;
import org.parley.testing.DemoProfile;

/** The server boots with the media settings, and without a configured Janus its media grants go nowhere. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class MediaGrantsProducerTest {

    @Inject
    MediaGrants grants;

    @Test
    void withoutAJanusConfiguredMediaGrantsAreOff() {
        assertInstanceOf(NoMediaGrants.class, ClientProxy.unwrap(grants));
    }
}
