package org.parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A live session as most room tests begin it: the case's mediator and the named people connected, the session
 * started, everyone admitted to the joint room and shown there, the mediator with them.
 */
public final class JointRoom implements AutoCloseable {

    public static final String MEDIATOR = "mediator.north";

    private final MediationFixture fixture;
    private final Map<String, RoomClient> clients = new LinkedHashMap<>();

    private JointRoom(MediationFixture fixture) {
        this.fixture = fixture;
    }

    /** Connects the mediator and each attendee (by user name), starts the session and admits them all. */
    public static JointRoom open(MediationFixture fixture, String... attendees) {
        JointRoom room = new JointRoom(fixture);
        RoomClient mediator = room.connect(MEDIATOR);
        for (String attendee : attendees) {
            room.connect(attendee);
        }
        mediator.send("start").await("session_started");
        for (String attendee : attendees) {
            mediator.send("admit", "participant", fixture.participant(attendee));
        }
        mediator.goTo("joint");
        for (String attendee : attendees) {
            room.client(attendee).await("you_are_in", arrivedIn("joint"));
        }
        return room;
    }

    private RoomClient connect(String username) {
        RoomClient client = fixture.connect(username);
        clients.put(username, client);
        return client;
    }

    public RoomClient mediator() {
        return client(MEDIATOR);
    }

    public RoomClient client(String username) {
        RoomClient client = clients.get(username);
        if (client == null) {
            throw new IllegalArgumentException(username + " is not connected to this room");
        }
        return client;
    }

    /**
     * Opens the side's caucus and moves the side and the mediator into it; returns once each named member (and the
     * mediator) has been shown the caucus. Answers the caucus's place name, {@code caucus:<id>}.
     */
    public String sideInCaucus(String side, String... members) {
        RoomClient mediator = mediator();
        mediator.send("open_caucus", "side", side);
        String caucus = "caucus:" + mediator.await("caucus_opened").path("caucus").asText();
        mediator.send("move_side", "side", side, "to", caucus);
        mediator.send("go_to", "to", caucus);
        for (String member : members) {
            client(member).await("you_are_in", arrivedIn(caucus));
        }
        mediator.await("you_are_in", arrivedIn(caucus));
        return caucus;
    }

    private static Predicate<JsonNode> arrivedIn(String place) {
        return frame -> PlaceNames.of(frame.path("place")).equals(place);
    }

    @Override
    public void close() {
        List.copyOf(clients.values()).forEach(RoomClient::close);
    }
}
