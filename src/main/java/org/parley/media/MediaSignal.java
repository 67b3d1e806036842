package org.parley.media;

import java.util.List;
import java.util.Objects;
import org.parley.media.turn.IceServer;

/**
 * What the media relay tells one participant's client: start or stop media, the media server's answer to its
 * offer, an offer for each subscription Parley made for it, ICE candidates, and a subscription that ended. Each
 * record becomes one server frame; none carries a media server id other than the feed numbers of its own room.
 */
public sealed interface MediaSignal {

    /**
     * Media is granted in this room ({@code joint} or {@code caucus:<id>}): publish with a {@code media_offer},
     * using these ICE servers (fresh TURN credentials; none when no TURN is configured) for every connection of it.
     */
    record Granted(String room, List<IceServer> iceServers) implements MediaSignal {
        public Granted {
            Objects.requireNonNull(room, "room");
            iceServers = List.copyOf(iceServers);
        }
    }

    /** The media server's SDP answer to the client's publishing offer. */
    record Answer(String sdp) implements MediaSignal {
        public Answer {
            Objects.requireNonNull(sdp, "sdp");
        }
    }

    /**
     * Parley subscribed the client to {@code participant}'s feed, their camera and microphone or, when
     * {@code screen}, their shared screen; answer the SDP offer for it.
     */
    record Subscribe(long feed, String participant, String sdp, boolean screen) implements MediaSignal {
        public Subscribe {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(sdp, "sdp");
        }

        /** A subscription to someone's camera and microphone. */
        public Subscribe(long feed, String participant, String sdp) {
            this(feed, participant, sdp, false);
        }
    }

    /** The media server's SDP answer to the client's screen-sharing offer. */
    record ScreenAnswer(String sdp) implements MediaSignal {
        public ScreenAnswer {
            Objects.requireNonNull(sdp, "sdp");
        }
    }

    /**
     * The media server did not take the client's screen-sharing offer ({@code reason} {@code refused} or
     * {@code timeout}): nobody receives the screen, and the client stops showing it as shared.
     */
    record ScreenRefused(String reason) implements MediaSignal {
        public ScreenRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * An ICE candidate of the media server for the publisher connection ({@code feed} 0) or one subscription; a
     * null {@code candidate} means the media server has no more.
     */
    record Candidate(long feed, String candidate, String mid, Integer mline) implements MediaSignal {
    }

    /** The subscription to this feed ended (its publisher left the room or stopped publishing). */
    record FeedEnded(long feed) implements MediaSignal {
    }

    /** Media in this room ended for the client: close every connection of it. {@code reason}: see the protocol. */
    record Revoked(String room, String reason) implements MediaSignal {
        public Revoked {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
