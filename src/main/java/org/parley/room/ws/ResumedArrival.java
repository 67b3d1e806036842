package org.parley.room.ws;

import java.util.List;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.Event;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ItemView;

/**
 * How the frames of a reconnect's arrival (those of the session's {@code connect} decision) are shaped when the
 * client asked to resume, and what a stream records of every frame it sends so that this can be decided.
 *
 * <p>Shaping only ever leaves things out of frames the live session addressed to this participant; it never adds
 * an item or a recipient, so the confidentiality rule stays where it is decided, in the domain.
 */
final class ResumedArrival {

    private final Event event;
    private final String resume;

    private ResumedArrival(Event event, String resume) {
        this.event = event;
        this.resume = resume;
    }

    Event event() {
        return event;
    }

    /** The value of the arrival's {@code resume} field, or null for the frames around it. */
    String resume() {
        return resume;
    }

    /**
     * The frame to send for {@code event} while a reconnect's arrival is under way, or null to send nothing:
     * <ul>
     *   <li>the {@code you_are_in} says how the reconnect was answered; after a replay, if it shows the place the
     *   client already shows, its history holds only the items of that room the participant was never sent: those
     *   said while it was away. A client now in another place gets the full history, as on any move;</li>
     *   <li>after a replay, a release status or owed review identical to the last one sent is left out: the client
     *   has it;</li>
     *   <li>after {@code not_possible} everything is sent as a fresh snapshot.</li>
     * </ul>
     */
    static ResumedArrival shape(ParticipantStream stream, Event event, FrameEncoder encoder) {
        ParticipantStream.Resume resume = stream.pendingResume();
        if (event instanceof Event.YouAreIn in) {
            Event shaped = resume == ParticipantStream.Resume.REPLAYED ? onlyMissed(stream, in) : in;
            return new ResumedArrival(shaped, resume.wire());
        }
        String key = stateKey(event);
        if (resume == ParticipantStream.Resume.REPLAYED && key != null
                && stream.alreadySent(key, encoder.encode(0, event))) {
            return null;
        }
        return new ResumedArrival(event, null);
    }

    /** Records what the participant has now been sent: items, its arrival, release and review states. */
    static void recordSent(ParticipantStream stream, Event event, FrameEncoder encoder) {
        if (event instanceof Event.MessagePosted posted) {
            stream.itemSent(PlaceCodec.format(posted.item().room()), posted.item().itemId());
        } else if (event instanceof Event.YouAreIn in) {
            stream.arrivalSent(new ParticipantStream.Arrival(in.place(), in.placement()));
            if (!in.history().isEmpty()) {
                ItemView last = in.history().get(in.history().size() - 1);
                stream.itemSent(PlaceCodec.format(last.room()), last.itemId());
            }
        }
        String key = stateKey(event);
        if (key != null) {
            stream.stateSent(key, encoder.encode(0, event));
        }
    }

    private static Event.YouAreIn onlyMissed(ParticipantStream stream, Event.YouAreIn in) {
        // The placement number is not compared: connecting again counts as placing anew. The place decides what
        // the client shows, and items of it said while the client was elsewhere are not in its replay anyway.
        ParticipantStream.Arrival shown = stream.resumeBaseline();
        if (shown == null || !shown.place().equals(in.place()) || in.history().isEmpty()) {
            return in;
        }
        ItemId lastSent = stream.lastItemSent(PlaceCodec.format(in.history().get(0).room()));
        List<ItemView> history = in.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).itemId().equals(lastSent)) {
                return new Event.YouAreIn(in.place(), in.placement(), history.subList(i + 1, history.size()));
            }
        }
        // The last item sent is not in the replay (older than its cap): every item listed is newer, so all missed.
        return in;
    }

    /** The key a state frame replaces under: one release, or one closed caucus's review. */
    private static String stateKey(Event event) {
        if (event instanceof Event.ReleaseUpdated release) {
            return "release:" + release.releaseId().value();
        }
        if (event instanceof Event.CaucusReview review) {
            return "review:" + review.caucusId().value();
        }
        return null;
    }
}
