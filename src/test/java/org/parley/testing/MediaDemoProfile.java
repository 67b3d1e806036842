package org.parley.testing;

import java.util.List;
import org.parley.media.JanusTestResource;

/** The demo profile with voice and video: a real Janus, started for the server under test. */
public class MediaDemoProfile extends DemoProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JanusTestResource.class));
    }
}
