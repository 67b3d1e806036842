package org.parley.media;

import java.util.Objects;

/** What a client sends the media relay: its publishing offer, its answers to subscriptions, its ICE candidates. */
public sealed interface ClientSignal {

    /** The SDP offer of the client's own audio and video. */
    record PublishOffer(String sdp) implements ClientSignal {
        public PublishOffer {
            Objects.requireNonNull(sdp, "sdp");
        }
    }

    /**
     * The SDP offer of the client's shared screen (video only, every candidate in it), published as a second feed
     * under the same grant, so that whatever cuts the grant cuts the screen too.
     */
    record ScreenOffer(String sdp) implements ClientSignal {
        public ScreenOffer {
            Objects.requireNonNull(sdp, "sdp");
        }
    }

    /** The client stopped sharing its screen. */
    record ScreenStop() implements ClientSignal {
    }

    /** The client's SDP answer to the subscription to {@code feed}. */
    record SubscribeAnswer(long feed, String sdp) implements ClientSignal {
        public SubscribeAnswer {
            Objects.requireNonNull(sdp, "sdp");
        }
    }

    /** An ICE candidate of the publisher connection ({@code feed} 0) or a subscription; null: no more candidates. */
    record Candidate(long feed, String candidate, String mid, Integer mline) implements ClientSignal {
    }
}
