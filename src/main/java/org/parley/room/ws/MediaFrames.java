package org.parley.room.ws;

import org.parley.media.ClientSignal;

/** Maps decoded media frames to the relay's signals; feed 0 stands for the sender's own publishing connection. */
final class MediaFrames {

    private MediaFrames() {
    }

    static ClientSignal signal(ClientFrame.MediaFrame frame) {
        if (frame instanceof ClientFrame.MediaOffer offer) {
            return new ClientSignal.PublishOffer(offer.sdp());
        }
        if (frame instanceof ClientFrame.MediaScreenOffer offer) {
            return new ClientSignal.ScreenOffer(offer.sdp());
        }
        if (frame instanceof ClientFrame.MediaScreenStop) {
            return new ClientSignal.ScreenStop();
        }
        if (frame instanceof ClientFrame.MediaSubscribeAnswer answer) {
            return new ClientSignal.SubscribeAnswer(answer.feed(), answer.sdp());
        }
        ClientFrame.MediaCandidate candidate = (ClientFrame.MediaCandidate) frame;
        return new ClientSignal.Candidate(candidate.feed() == null ? 0 : candidate.feed(), candidate.candidate(),
                candidate.mid(), candidate.mline());
    }
}
