package org.parley.room.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.parley.media.MediaSignal;
import org.parley.media.turn.IceServer;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.Event;
import org.parley.room.domain.DocumentInfo;
import org.parley.room.domain.ItemView;
import org.parley.room.domain.PlaceView;
import org.parley.room.domain.PresenceEntry;
import org.parley.room.domain.ReviewEntry;

/**
 * Writes domain events as server frames. Every frame starts with the connection's sequence number and its type;
 * the mapping is explicit so that nothing reaches the wire by accident.
 */
public final class FrameEncoder {

    private final ObjectMapper json;

    public FrameEncoder(ObjectMapper json) {
        this.json = json;
    }

    public String encode(long seq, Event event) {
        return encode(seq, event, null);
    }

    /**
     * As {@link #encode(long, Event)}; an arrival ({@code you_are_in}) that answers a reconnect asking to resume
     * also says how it was answered: {@code replayed} or {@code not_possible}.
     */
    public String encode(long seq, Event event, String resume) {
        return FrameText.numbered(seq, body(event, resume));
    }

    /**
     * The frame of {@code event} without its sequence number ({@link FrameText}): the same for every recipient sent
     * an equal event, so that one text can be shared by all of them.
     */
    String body(Event event, String resume) {
        ObjectNode frame = json.createObjectNode();
        if (event instanceof Event.Joined joined) {
            frame.put("type", "joined");
            frame.put("session", joined.sessionId().value());
            frame.put("you", joined.you().value());
            frame.put("phase", lower(joined.phase().name()));
        } else if (event instanceof Event.SessionStarted started) {
            frame.put("type", "session_started");
            frame.put("at", started.at().toString());
        } else if (event instanceof Event.SessionEnded ended) {
            frame.put("type", "session_ended");
            frame.put("at", ended.at().toString());
            frame.put("reason", ended.reason().wireCode());
        } else if (event instanceof Event.SessionEnding ending) {
            frame.put("type", "session_ending");
            frame.put("reason", ending.reason().wireCode());
            frame.put("endsAt", ending.endsAt().toString());
        } else if (event instanceof Event.YouAreIn in) {
            frame.put("type", "you_are_in");
            frame.set("place", place(in.place()));
            frame.put("placement", in.placement());
            ArrayNode history = frame.putArray("history");
            in.history().forEach(item -> history.add(item(item)));
            if (in.contentLost()) {
                // Only after a restart: the room's earlier content was held in memory and is gone.
                frame.put("contentLost", true);
            }
            if (resume != null) {
                frame.put("resume", resume);
            }
        } else if (event instanceof Event.MessagePosted posted) {
            frame.put("type", "message");
            frame.set("item", item(posted.item()));
        } else if (event instanceof Event.Typing typing) {
            frame.put("type", "typing");
            frame.put("participant", typing.participant().value());
            frame.put("typing", typing.typing());
        } else if (event instanceof Event.PresenceChanged presence) {
            frame.put("type", "presence");
            ArrayNode participants = frame.putArray("participants");
            presence.participants().forEach(entry -> participants.add(presence(entry)));
        } else if (event instanceof Event.CaucusOpened opened) {
            frame.put("type", "caucus_opened");
            frame.put("caucus", opened.caucusId().value());
            opened.forSide().ifPresent(side -> frame.put("side", side.name()));
            ArrayNode members = frame.putArray("members");
            opened.members().stream().map(member -> member.value()).sorted().forEach(members::add);
        } else if (event instanceof Event.MediatorClocks clocks) {
            frame.put("type", "clocks");
            clocks.startedAt().ifPresent(at -> frame.put("startedAt", at.toString()));
            ArrayNode caucuses = frame.putArray("caucuses");
            for (Event.CaucusClock clock : clocks.caucuses()) {
                ObjectNode caucus = caucuses.addObject();
                caucus.put("caucus", clock.caucus().value());
                clock.side().ifPresent(side -> caucus.put("side", side.name()));
                clock.openedAt().ifPresent(at -> caucus.put("openedAt", at.toString()));
            }
        } else if (event instanceof Event.CaucusClosed closed) {
            frame.put("type", "caucus_closed");
            frame.put("caucus", closed.caucusId().value());
        } else if (event instanceof Event.ReleaseUpdated release) {
            frame.put("type", "release_updated");
            frame.put("release", release.releaseId().value());
            frame.put("item", release.itemId().value());
            frame.put("scope", lower(release.scope().name()));
            frame.put("audience", release.audience().toString());
            if (release.needsRerelease()) {
                // The wording went with a server restart: shown as needing release again, never as conveyable.
                frame.put("status", "needs_rerelease");
                frame.put("wordingLost", true);
            } else {
                frame.put("status", lower(release.status().name()));
                frame.put("wording", release.wording());
            }
        } else if (event instanceof Event.CaucusReview review) {
            frame.put("type", "caucus_review");
            frame.put("caucus", review.caucusId().value());
            ArrayNode items = frame.putArray("items");
            review.items().forEach(entry -> items.add(review(entry)));
        } else if (event instanceof Event.CaucusReviewDisputed disputed) {
            frame.put("type", "caucus_review_disputed");
            frame.put("caucus", disputed.caucusId().value());
            frame.put("participant", disputed.participant().value());
            disputed.itemId().ifPresent(item -> frame.put("item", item.value()));
            if (disputed.note() != null) {
                frame.put("note", disputed.note());
            }
            frame.put("at", disputed.at().toString());
        } else if (event instanceof Event.CaucusReviewConfirmed confirmed) {
            frame.put("type", "caucus_review_confirmed");
            frame.put("caucus", confirmed.caucusId().value());
            frame.put("participant", confirmed.participant().value());
        } else if (event instanceof Event.ReattestationRequested request) {
            frame.put("type", "reattestation_requested");
            frame.put("participant", request.participant().value());
            frame.put("by", request.by().value());
            frame.put("at", request.at().toString());
        } else if (event instanceof Event.PrivacyAlert alert) {
            frame.put("type", "privacy_alert");
            frame.put("participant", alert.participant().value());
            frame.put("at", alert.at().toString());
        } else if (event instanceof Event.Knocked knocked) {
            frame.put("type", "knocked");
            frame.put("participant", knocked.participant().value());
            frame.put("place", PlaceCodec.format(knocked.room()));
            frame.put("at", knocked.at().toString());
        } else if (event instanceof Event.LobbyNotice notice) {
            frame.put("type", "lobby_message");
            frame.put("text", notice.text());
            frame.put("at", notice.at().toString());
        } else if (event instanceof Event.Attested attested) {
            frame.put("type", "attested");
            frame.put("participant", attested.participant().value());
            frame.put("at", attested.at().toString());
        } else if (event instanceof Event.RosterChanged joinedRoster) {
            frame.put("type", "roster_changed");
            frame.put("participant", joinedRoster.participant().value());
            frame.put("role", lower(joinedRoster.role().name()));
            joinedRoster.side().ifPresent(side -> frame.put("side", side.name()));
            frame.put("name", joinedRoster.displayName());
        } else if (event instanceof Event.MediaAlert alert) {
            frame.put("type", "media_alert");
            frame.put("participant", alert.participant().value());
            frame.put("reason", alert.reason());
        } else if (event instanceof Event.ExceptionInvoked invoked) {
            frame.put("type", "exception_invoked");
            frame.put("item", invoked.itemId().value());
            frame.put("category", invoked.category().wireName());
            frame.put("by", invoked.by().value());
            frame.put("at", invoked.at().toString());
        } else if (event instanceof Event.ExceptionExport export) {
            frame.put("type", "exception_export");
            frame.put("item", export.itemId().value());
            frame.put("category", export.category().wireName());
            frame.put("text", export.text());
        } else if (event instanceof Event.SettlementUpdated updated) {
            SettlementFrame.write(frame, updated.settlement());
        } else {
            throw new IllegalArgumentException("no frame for event " + event.getClass().getSimpleName());
        }
        return frame.toString();
    }

    /** A media relay signal for one client; feed 0 (the client's own publishing connection) is left out. */
    public String signal(long seq, MediaSignal signal) {
        ObjectNode frame = json.createObjectNode();
        frame.put("seq", seq);
        if (signal instanceof MediaSignal.Granted granted) {
            frame.put("type", "media_grant");
            frame.put("room", granted.room());
            if (!granted.iceServers().isEmpty()) {
                ArrayNode servers = frame.putArray("ice_servers");
                for (IceServer server : granted.iceServers()) {
                    ObjectNode entry = servers.addObject();
                    server.urls().forEach(entry.putArray("urls")::add);
                    entry.put("username", server.username());
                    entry.put("credential", server.credential());
                }
            }
        } else if (signal instanceof MediaSignal.Answer answer) {
            frame.put("type", "media_answer");
            frame.put("sdp", answer.sdp());
        } else if (signal instanceof MediaSignal.Subscribe subscribe) {
            frame.put("type", "media_subscribe");
            frame.put("feed", subscribe.feed());
            frame.put("participant", subscribe.participant());
            frame.put("sdp", subscribe.sdp());
            if (subscribe.screen()) {
                frame.put("screen", true);
            }
        } else if (signal instanceof MediaSignal.ScreenAnswer answer) {
            frame.put("type", "media_screen_answer");
            frame.put("sdp", answer.sdp());
        } else if (signal instanceof MediaSignal.ScreenRefused refused) {
            frame.put("type", "media_screen_refused");
            frame.put("reason", refused.reason());
        } else if (signal instanceof MediaSignal.Candidate candidate) {
            frame.put("type", "media_candidate");
            if (candidate.feed() != 0) {
                frame.put("feed", candidate.feed());
            }
            if (candidate.candidate() != null) {
                frame.put("candidate", candidate.candidate());
                if (candidate.mid() != null) {
                    frame.put("mid", candidate.mid());
                }
                if (candidate.mline() != null) {
                    frame.put("mline", candidate.mline());
                }
            }
        } else if (signal instanceof MediaSignal.FeedEnded ended) {
            frame.put("type", "media_feed_ended");
            frame.put("feed", ended.feed());
        } else if (signal instanceof MediaSignal.Revoked revoked) {
            frame.put("type", "media_revoked");
            frame.put("room", revoked.room());
            frame.put("reason", revoked.reason());
        } else {
            throw new IllegalArgumentException("no frame for signal " + signal.getClass().getSimpleName());
        }
        return frame.toString();
    }

    /** The answer to a client's {@code ping}, echoing its ref. */
    public String pong(long seq, String ref) {
        return answer(seq, "pong", ref).toString();
    }

    /** The error frame: a stable code, a human-readable detail and the client's ref, if it sent one. */
    public String error(long seq, String code, String detail, String ref) {
        return error(seq, code, detail, ref, null);
    }

    /** The error frame, also echoing the refused frame's client id when it carried one. */
    public String error(long seq, String code, String detail, String ref, String clientId) {
        ObjectNode frame = answer(seq, "error", ref);
        frame.put("code", code);
        frame.put("detail", detail);
        if (clientId != null) {
            frame.put("clientId", clientId);
        }
        return frame.toString();
    }

    /** The acknowledgement of an accepted frame, by the client id it carried. */
    public String ack(long seq, String clientId) {
        ObjectNode frame = answer(seq, "ack", null);
        frame.put("clientId", clientId);
        return frame.toString();
    }

    /** A frame that answers one client frame: it echoes the frame's ref, when it had one. */
    private ObjectNode answer(long seq, String type, String ref) {
        ObjectNode frame = json.createObjectNode();
        frame.put("seq", seq);
        frame.put("type", type);
        if (ref != null) {
            frame.put("ref", ref);
        }
        return frame;
    }

    private ObjectNode item(ItemView view) {
        ObjectNode item = json.createObjectNode();
        item.put("id", view.itemId().value());
        item.put("room", PlaceCodec.format(view.room()));
        item.put("author", view.author().value());
        item.put("text", view.text());
        item.put("at", view.at().toString());
        view.conveyed().ifPresent(conveyance -> {
            ObjectNode conveyed = item.putObject("conveyed");
            // Under the open-caucus policy no release exists: the frame says which policy allowed the convey.
            conveyance.release().ifPresentOrElse(release -> conveyed.put("release", release.value()),
                    () -> conveyed.put("policy", "open_caucus"));
            conveyed.put("original_item", conveyance.originalItemId().value());
            conveyance.originSide().ifPresent(side -> conveyed.put("origin_side", side.name()));
            conveyed.put("scope", lower(conveyance.scope().name()));
        });
        view.document().ifPresent(document -> item.set("document", document(document)));
        return item;
    }

    /** A document's metadata only; its bytes are fetched over HTTP with a grant. */
    private ObjectNode document(DocumentInfo info) {
        ObjectNode document = json.createObjectNode();
        document.put("id", info.id().value());
        document.put("name", info.name());
        document.put("type", info.mediaType());
        document.put("size", info.size());
        return document;
    }

    private ObjectNode presence(PresenceEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("participant", entry.participant().value());
        node.put("name", entry.displayName());
        node.put("role", lower(entry.role().name()));
        entry.side().ifPresent(side -> node.put("side", side.name()));
        node.set("place", place(entry.place()));
        node.put("connected", entry.connected());
        entry.media().ifPresent(media -> {
            ObjectNode state = node.putObject("media");
            state.put("audio", media.audio());
            state.put("video", media.video());
            state.put("screen", media.screen());
        });
        if (entry.handRaised()) {
            // Only ever true towards those who share the raiser's place, and the mediator (the domain decides).
            node.put("hand", true);
        }
        return node;
    }

    private ObjectNode review(ReviewEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("item", entry.itemId().value());
        node.put("author", entry.author().value());
        node.put("text", entry.text());
        node.put("at", entry.at().toString());
        node.put("status", lower(entry.status().name()));
        entry.document().ifPresent(document -> node.set("document", document(document)));
        entry.release().ifPresent(release -> {
            ObjectNode shown = node.putObject("release");
            shown.put("scope", lower(release.scope().name()));
            shown.put("audience", release.audience().toString());
            shown.put("status", lower(release.status().name()));
            // Null when the wording went with a server restart.
            shown.put("wording", release.wording());
        });
        return node;
    }

    private ObjectNode place(PlaceView view) {
        ObjectNode place = json.createObjectNode();
        if (view instanceof PlaceView.InLobby) {
            place.put("kind", "lobby");
        } else if (view instanceof PlaceView.InJointRoom) {
            place.put("kind", "joint");
        } else if (view instanceof PlaceView.InCaucus caucus) {
            place.put("kind", "caucus");
            place.put("caucus", caucus.caucusId().value());
            caucus.forSide().ifPresent(side -> place.put("side", side.name()));
        } else if (view instanceof PlaceView.InUndisclosedCaucus undisclosed) {
            // Another side's caucus: that it exists and whose it is, never its id or what is said there.
            place.put("kind", "in_caucus");
            ArrayNode sides = place.putArray("sides");
            undisclosed.withSides().stream().map(side -> side.name()).sorted().forEach(sides::add);
        } else {
            place.put("kind", "absent");
        }
        return place;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
