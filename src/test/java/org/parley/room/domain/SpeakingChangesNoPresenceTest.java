package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.room.domain.SessionFixture.EVERYONE;
import static org.parley.room.domain.SessionFixture.PA;
import static org.parley.room.domain.SessionFixture.PB;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Messages and typing skip the before-and-after comparison of presence and media that every other command makes,
 * because saying something moves nobody. These tests hold that premise: if a message or typing ever changed what
 * anyone's presence view shows, they would fail, and the skip in {@code LiveSession} would have to go.
 */
class SpeakingChangesNoPresenceTest {

    @Test
    void aMessageOrTypingInTheJointRoomLeavesEveryPresenceViewAsItWas() {
        SessionFixture f = SessionFixture.allInJointRoom();
        Map<ParticipantId, Optional<List<PresenceEntry>>> before = views(f);

        Decision.Accepted message = assertInstanceOf(Decision.Accepted.class, f.post(PA, "hello"));
        Decision.Accepted typing = assertInstanceOf(Decision.Accepted.class, f.typing(PB, true));

        assertEquals(before, views(f));
        assertTrue(message.media().isEmpty() && typing.media().isEmpty(), "no media grant changes");
        assertTrue(message.deliveries().stream().noneMatch(d -> d.event() instanceof Event.PresenceChanged));
    }

    @Test
    void aMessageInACaucusLeavesEveryPresenceViewAsItWas() {
        SessionFixture f = SessionFixture.sideAInCaucus();
        Map<ParticipantId, Optional<List<PresenceEntry>>> before = views(f);

        assertInstanceOf(Decision.Accepted.class, f.post(PA, "between us"));
        assertInstanceOf(Decision.Accepted.class, f.typing(PA, false));

        assertEquals(before, views(f));
    }

    private static Map<ParticipantId, Optional<List<PresenceEntry>>> views(SessionFixture f) {
        Map<ParticipantId, Optional<List<PresenceEntry>>> views = new HashMap<>();
        EVERYONE.forEach(viewer -> views.put(viewer, f.session.presenceFor(viewer)));
        return views;
    }
}
