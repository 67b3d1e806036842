package org.parley.room.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.parley.room.domain.ErrorCode;

/**
 * Turns the text of one client frame into a {@link ClientFrame}, or into the error code that explains why not.
 * Nothing here trusts the frame: sizes are checked before parsing and every field is typed.
 */
public final class FrameDecoder {

    /** Largest frame accepted, in UTF-8 bytes; larger frames are refused with {@code too_large} unparsed. */
    public static final int MAX_FRAME_BYTES = 16 * 1024;
    /** Longest message or wording, in characters. */
    public static final int MAX_TEXT_CHARS = 4_000;
    private static final int MAX_ID_CHARS = 64;
    /** A party's note on its review disagreement: a few sentences for the mediator, not a channel. */
    static final int MAX_NOTE_CHARS = 1_000;
    /** Longest settlement draft, in characters (the domain checks it again). */
    public static final int MAX_SETTLEMENT_CHARS = 12_000;
    /** What the transport makes of bytes that are not UTF-8; never accepted raw in a frame. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    private static final int MAX_MEMBERS = 50;
    /** Longest SDP accepted: browsers' offers for audio and video are 3 to 8 KB. */
    public static final int MAX_SDP_CHARS = 15_000;
    private static final int MAX_CANDIDATE_CHARS = 512;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final ObjectReader json;

    public FrameDecoder(ObjectMapper json) {
        // One frame is exactly one JSON value: anything after it makes the frame bad rather than ignored.
        this.json = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The outcome of decoding: a frame, or a refusal with a code, a detail and the ref when one was readable. */
    public sealed interface Result {
    }

    /** A frame, with the client id it carried (null when it carried none). */
    public record Decoded(ClientFrame frame, String clientId) implements Result {
        public Decoded(ClientFrame frame) {
            this(frame, null);
        }
    }

    /** A refusal; {@code ref} and {@code clientId} are those of the frame when they could be read. */
    public record Undecodable(ErrorCode code, String detail, String ref, String clientId) implements Result {
        public Undecodable(ErrorCode code, String detail, String ref) {
            this(code, detail, ref, null);
        }
    }

    /** A field that is missing or of the wrong shape; caught once in {@link #decode}. */
    private static final class FieldProblem extends RuntimeException {
        FieldProblem(String detail) {
            super(detail, null, false, false);
        }
    }

    public Result decode(String text) {
        if (text.length() > MAX_FRAME_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
            return new Undecodable(ErrorCode.TOO_LARGE, "a frame may hold at most " + MAX_FRAME_BYTES + " bytes", null);
        }
        if (text.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            // The transport decodes invalid UTF-8 into U+FFFD, so that is the only trace of it left to refuse.
            return new Undecodable(ErrorCode.BAD_FRAME, "a frame must be valid UTF-8", null);
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input; never echo it.
            return new Undecodable(ErrorCode.BAD_FRAME, "a frame is one JSON object", null);
        }
        if (node == null || !node.isObject()) {
            return new Undecodable(ErrorCode.BAD_FRAME, "a frame is one JSON object", null);
        }
        String ref = null;
        String clientId = null;
        try {
            ref = optionalString(node, "ref", MAX_ID_CHARS);
            clientId = clientId(node);
            JsonNode type = node.get("type");
            if (type == null || !type.isTextual()) {
                return new Undecodable(ErrorCode.BAD_FRAME, "a frame needs a string field 'type'", ref, clientId);
            }
            ClientFrame frame = frame(type.asText(), node, ref);
            return frame == null
                    ? new Undecodable(ErrorCode.UNKNOWN_TYPE, "unknown frame type", ref, clientId)
                    : new Decoded(frame, clientId);
        } catch (FieldProblem problem) {
            return new Undecodable(problem.getMessage().startsWith("too long")
                    ? ErrorCode.TOO_LARGE : ErrorCode.BAD_FRAME, problem.getMessage(), ref, clientId);
        }
    }

    private static ClientFrame frame(String type, JsonNode node, String ref) {
        return switch (type) {
            case "start" -> new ClientFrame.Start(ref);
            case "end" -> new ClientFrame.End(ref);
            case "admit" -> new ClientFrame.Admit(ref, id(node, "participant"));
            case "open_caucus" -> new ClientFrame.OpenCaucus(ref, optionalString(node, "side", MAX_ID_CHARS),
                    members(node));
            case "close_caucus" -> new ClientFrame.CloseCaucus(ref, id(node, "caucus"));
            case "move" -> new ClientFrame.Move(ref, id(node, "participant"), id(node, "to"));
            case "move_side" -> new ClientFrame.MoveSide(ref, id(node, "side"), id(node, "to"));
            case "send_to_lobby" -> new ClientFrame.SendToLobby(ref, id(node, "participant"));
            case "go_to" -> new ClientFrame.GoTo(ref, id(node, "to"));
            case "message" -> new ClientFrame.Message(ref, id(node, "place"), placement(node),
                    text(node, "text"));
            case "typing" -> new ClientFrame.Typing(ref, id(node, "place"), placement(node), bool(node, "typing"));
            case "leave" -> new ClientFrame.Leave(ref);
            case "release" -> new ClientFrame.Release(ref, id(node, "item"), id(node, "scope"),
                    optionalString(node, "wording", MAX_TEXT_CHARS));
            case "propose_release" -> new ClientFrame.ProposeRelease(ref, id(node, "item"), id(node, "scope"),
                    optionalString(node, "wording", MAX_TEXT_CHARS));
            case "confirm_release" -> new ClientFrame.ConfirmRelease(ref, id(node, "release"));
            case "withdraw_release" -> new ClientFrame.WithdrawRelease(ref, id(node, "release"));
            case "convey" -> new ClientFrame.Convey(ref, id(node, "place"), placement(node), id(node, "release"));
            case "convey_item" -> new ClientFrame.ConveyItem(ref, id(node, "place"), placement(node),
                    id(node, "item"));
            case "invoke_exception" -> new ClientFrame.InvokeException(ref, id(node, "item"), id(node, "category"));
            case "export_exception" -> new ClientFrame.ExportException(ref, id(node, "item"));
            case "confirm_review" -> new ClientFrame.ConfirmReview(ref, id(node, "caucus"));
            case "dispute_review" -> new ClientFrame.DisputeReview(ref, id(node, "caucus"),
                    optionalString(node, "item", MAX_ID_CHARS), optionalString(node, "note", MAX_NOTE_CHARS));
            case "request_reattestation" -> new ClientFrame.RequestReattestation(ref,
                    optionalString(node, "participant", MAX_ID_CHARS));
            case "privacy_alert" -> new ClientFrame.PrivacyAlert(ref);
            case "knock" -> new ClientFrame.Knock(ref);
            case "raise_hand" -> new ClientFrame.RaiseHand(ref);
            case "lower_hand" -> new ClientFrame.LowerHand(ref, optionalString(node, "participant", MAX_ID_CHARS));
            case "lobby_message" -> new ClientFrame.LobbyMessage(ref, text(node, "text"));
            case "settlement_edit" -> new ClientFrame.SettlementEdit(ref, settlementText(node));
            case "settlement_scribe" -> new ClientFrame.SettlementScribe(ref,
                    optionalString(node, "participant", MAX_ID_CHARS));
            case "settlement_comment" -> new ClientFrame.SettlementComment(ref, text(node, "text"));
            case "ping" -> new ClientFrame.Ping(ref);
            case "media_state" -> new ClientFrame.MediaStateReport(ref, bool(node, "audio"), bool(node, "video"),
                    bool(node, "screen"));
            case "media_offer" -> new ClientFrame.MediaOffer(ref, sdp(node));
            case "media_screen_offer" -> new ClientFrame.MediaScreenOffer(ref, sdp(node));
            case "media_screen_stop" -> new ClientFrame.MediaScreenStop(ref);
            case "media_subscribe_answer" -> new ClientFrame.MediaSubscribeAnswer(ref, feed(node, true), sdp(node));
            case "media_candidate" -> new ClientFrame.MediaCandidate(ref, feed(node, false),
                    optionalString(node, "candidate", MAX_CANDIDATE_CHARS), optionalString(node, "mid", MAX_ID_CHARS),
                    mline(node));
            default -> null;
        };
    }

    /**
     * The optional client id: 1 to 64 characters of letters, digits and {@code - _ . :}, so that it can be echoed
     * and remembered safely. A bad one refuses the whole frame, which is then neither applied nor acknowledged.
     */
    private static String clientId(JsonNode node) {
        String value = optionalString(node, "clientId", MAX_ID_CHARS);
        if (value != null && !CLIENT_ID.matcher(value).matches()) {
            throw new FieldProblem("field 'clientId' must be 1 to 64 letters, digits or - _ . :");
        }
        return value;
    }

    private static String sdp(JsonNode node) {
        String value = optionalString(node, "sdp", MAX_SDP_CHARS);
        if (value == null || value.isBlank()) {
            throw new FieldProblem("field 'sdp' is required");
        }
        return value;
    }

    /** A feed number as the server sent it: a whole number from 1 up (below 2^53). */
    private static Long feed(JsonNode node, boolean required) {
        JsonNode value = node.get("feed");
        if (value == null || value.isNull()) {
            if (required) {
                throw new FieldProblem("field 'feed' is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1
                || value.asLong() >= (1L << 53)) {
            throw new FieldProblem("field 'feed' must be a feed number from media_subscribe");
        }
        return value.asLong();
    }

    private static Integer mline(JsonNode node) {
        JsonNode value = node.get("mline");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 255) {
            throw new FieldProblem("field 'mline' must be a whole number from 0 to 255");
        }
        return value.asInt();
    }

    private static String id(JsonNode node, String field) {
        String value = optionalString(node, field, MAX_ID_CHARS);
        if (value == null || value.isBlank()) {
            throw new FieldProblem("field '" + field + "' is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        String value = optionalString(node, field, MAX_TEXT_CHARS);
        if (value == null || value.isBlank()) {
            throw new FieldProblem("field '" + field + "' is required");
        }
        return value;
    }

    /** A draft may be emptied, so an empty text is allowed; a missing one is not. */
    private static String settlementText(JsonNode node) {
        String value = optionalString(node, "text", MAX_SETTLEMENT_CHARS);
        if (value == null) {
            throw new FieldProblem("field 'text' is required");
        }
        return value;
    }

    private static String optionalString(JsonNode node, String field, int maxChars) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldProblem("field '" + field + "' must be a string");
        }
        if (value.asText().length() > maxChars) {
            throw new FieldProblem("too long: field '" + field + "' holds at most " + maxChars + " characters");
        }
        return value.asText();
    }

    /** The optional placement count: a whole number from 0 up, or absent. */
    private static Long placement(JsonNode node) {
        JsonNode value = node.get("placement");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new FieldProblem("field 'placement' must be a whole number from 0 up");
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new FieldProblem("field '" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static List<String> members(JsonNode node) {
        JsonNode value = node.get("members");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > MAX_MEMBERS) {
            throw new FieldProblem("field 'members' must be a list of at most " + MAX_MEMBERS + " participant ids");
        }
        List<String> members = new ArrayList<>();
        for (JsonNode member : value) {
            if (!member.isTextual() || member.asText().length() > MAX_ID_CHARS) {
                throw new FieldProblem("field 'members' must hold participant ids");
            }
            members.add(member.asText());
        }
        return members;
    }
}
