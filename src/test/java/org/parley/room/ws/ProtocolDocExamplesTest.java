package org.parley.room.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.media.MediaSignal;
import org.parley.media.turn.IceServer;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Conveyance;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.EndReason;
import org.parley.room.domain.Event;
import org.parley.room.domain.SettlementComment;
import org.parley.room.domain.SettlementDraft;
import org.parley.room.domain.SettlementSignature;
import org.parley.room.domain.ExceptionCategory;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.ItemStatus;
import org.parley.room.domain.DocumentId;
import org.parley.room.domain.DocumentInfo;
import org.parley.room.domain.ItemView;
import org.parley.room.domain.MediaState;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.PlaceView;
import org.parley.room.domain.PresenceEntry;
import org.parley.room.domain.ReleaseAudience;
import org.parley.room.domain.ReleaseId;
import org.parley.room.domain.ReleaseScope;
import org.parley.room.domain.ReleaseStatus;
import org.parley.room.domain.ReviewEntry;
import org.parley.room.domain.ReviewRelease;
import org.parley.room.domain.Role;
import org.parley.room.domain.SessionId;
import org.parley.room.domain.SessionPhase;
import org.parley.room.domain.Side;

/**
 * Keeps docs/protocol.md true to the code: every client example decodes with the real {@link FrameDecoder}, every
 * server example has the shape the real {@link FrameEncoder} writes, and every frame type in either direction has an
 * example. Not a @QuarkusTest: the decoder and encoder are plain objects.
 */
class ProtocolDocExamplesTest {

    private static final Path DOC = Path.of("docs", "protocol.md");
    /** A fenced block opening: three backticks and its info string, alone on a line. */
    private static final Pattern FENCE = Pattern.compile("(?m)^```(.*)$");
    private static final String CLIENT_INFO = "json client";
    private static final String SERVER_INFO = "json server";
    private static final Instant AT = Instant.parse("2026-03-02T14:00:17Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String doc;
    private static List<String> clientExamples;
    private static List<String> serverExamples;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Map<String, List<String>> blocks = fencedBlocks(doc);
        clientExamples = blocks.getOrDefault(CLIENT_INFO, List.of());
        serverExamples = blocks.getOrDefault(SERVER_INFO, List.of());
        assertFalse(clientExamples.isEmpty(), "no ```json client blocks in " + DOC);
        assertFalse(serverExamples.isEmpty(), "no ```json server blocks in " + DOC);
    }

    // ---- client frames ----

    @Test
    void everyClientExampleDecodesAndNamesOnlyFieldsOfItsFrame() {
        FrameDecoder decoder = new FrameDecoder(new ObjectMapper());
        for (String example : clientExamples) {
            FrameDecoder.Result result = decoder.decode(example);
            FrameDecoder.Decoded decoded = assertInstanceOf(FrameDecoder.Decoded.class, result,
                    () -> "client example does not decode (" + result + "):\n" + example);
            // The decoder ignores unknown fields, so a misspelt optional field would otherwise pass unnoticed.
            // clientId belongs to no frame in particular: any frame may carry it, and the decoder returns it beside.
            Set<String> known = new TreeSet<>(Set.of("type", "clientId"));
            Arrays.stream(decoded.frame().getClass().getRecordComponents()).map(RecordComponent::getName)
                    .forEach(known::add);
            Set<String> used = fieldNames(parse(example));
            assertTrue(known.containsAll(used),
                    () -> "client example names fields " + used + " but " + decoded.frame().getClass().getSimpleName()
                            + " has only " + known + ":\n" + example);
        }
    }

    @Test
    void clientExamplesUseValuesTheDispatcherAccepts() {
        // These decode either way; a wrong place or scope would only be refused later, as invalid_request.
        Set<String> scopes = lowerNames(ReleaseScope.values());
        for (String example : clientExamples) {
            JsonNode frame = parse(example);
            if (frame.has("to")) {
                assertTrue(PlaceCodec.parse(frame.get("to").asText()).isPresent(),
                        () -> "'to' is not lobby, joint or caucus:<id>:\n" + example);
            }
            if (frame.has("scope")) {
                assertTrue(scopes.contains(frame.get("scope").asText()),
                        () -> "'scope' is not one of " + scopes + ":\n" + example);
            }
        }
    }

    @Test
    void everyClientFrameTypeHasAnExample() {
        FrameDecoder decoder = new FrameDecoder(new ObjectMapper());
        Set<String> covered = clientExamples.stream()
                .map(decoder::decode)
                .filter(FrameDecoder.Decoded.class::isInstance)
                .map(result -> ((FrameDecoder.Decoded) result).frame().getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = Arrays.stream(ClientFrame.class.getPermittedSubclasses())
                .flatMap(type -> type.isInterface() ? Arrays.stream(type.getPermittedSubclasses()) : Stream.of(type))
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "client frames without a ```json client example: " + missing);
    }

    // ---- server frames ----

    @Test
    void everyServerExampleHasASequenceNumberAndAKnownType() {
        Set<String> types = encoderSamples().keySet();
        for (String example : serverExamples) {
            JsonNode frame = parse(example);
            assertTrue(frame.isObject(), () -> "a server frame is one JSON object:\n" + example);
            JsonNode seq = frame.get("seq");
            assertTrue(seq != null && seq.isIntegralNumber() && seq.asLong() >= 1,
                    () -> "server example without a numeric seq >= 1:\n" + example);
            JsonNode type = frame.get("type");
            assertTrue(type != null && types.contains(type.asText()),
                    () -> "server example type is not one the encoder writes " + types + ":\n" + example);
        }
    }

    @Test
    void everyServerFrameTypeHasAnExample() {
        Set<String> covered = serverExamples.stream().map(example -> parse(example).path("type").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(encoderSamples().keySet());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "server frame types without a ```json server example: " + missing);
    }

    @Test
    void everyServerExampleHasTheFieldsTheEncoderWrites() {
        Map<String, List<JsonNode>> samples = encoderSamples();
        for (String example : serverExamples) {
            JsonNode frame = parse(example);
            List<JsonNode> variants = samples.get(frame.path("type").asText());
            assertTrue(variants != null, () -> "unknown type:\n" + example);
            List<String> mismatches = new ArrayList<>();
            boolean matched = variants.stream().anyMatch(variant -> {
                Optional<String> mismatch = shapeMismatch("", frame, variant);
                mismatch.ifPresent(mismatches::add);
                return mismatch.isEmpty();
            });
            assertTrue(matched, () -> "server example differs from what the encoder writes " + mismatches + ":\n"
                    + example + "\nencoder writes, e.g.:\n" + variants.get(0));
        }
    }

    @Test
    void serverExamplesUseOnlyValuesTheEncoderWrites() {
        // Same shape is not enough for enumerations: {"kind":"lobby"} and {"kind":"lobyy"} look alike.
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("phase", lowerNames(SessionPhase.values()));
        allowed.put("role", lowerNames(Role.values()));
        allowed.put("scope", lowerNames(ReleaseScope.values()));
        Set<String> statuses = new TreeSet<>(lowerNames(ReleaseStatus.values()));
        statuses.addAll(lowerNames(ItemStatus.values()));
        // How the encoder shows an open release whose wording was lost with a restart.
        statuses.add("needs_rerelease");
        allowed.put("status", statuses);
        Set<String> kinds = new TreeSet<>();
        encoderSamples().values().forEach(frames -> frames.forEach(frame -> collect(frame, "kind", kinds)));
        allowed.put("kind", kinds);
        for (String example : serverExamples) {
            JsonNode frame = parse(example);
            allowed.forEach((field, values) -> {
                Set<String> used = new TreeSet<>();
                collect(frame, field, used);
                used.removeAll(values);
                assertTrue(used.isEmpty(), () -> "'" + field + "' values " + used + " are not among " + values
                        + ":\n" + example);
            });
            Set<String> audiences = new TreeSet<>();
            collect(frame, "audience", audiences);
            audiences.forEach(audience -> assertTrue(audience.equals("joint") || audience.matches("caucus_of:.+"),
                    () -> "'audience' is joint or caucus_of:<side>:\n" + example));
            Set<String> rooms = new TreeSet<>();
            collect(frame, "room", rooms);
            rooms.forEach(room -> assertTrue(PlaceCodec.parse(room).filter(place -> !place.equals(Place.lobby()))
                    .isPresent(), () -> "'room' is joint or caucus:<id>:\n" + example));
        }
    }

    @Test
    void everyErrorCodeIsDocumented() {
        List<String> missing = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireCode)
                .filter(code -> !doc.contains("| `" + code + "` |"))
                .toList();
        assertTrue(missing.isEmpty(), "error codes missing from the error table of " + DOC + ": " + missing);
        for (String example : serverExamples) {
            JsonNode frame = parse(example);
            if ("error".equals(frame.path("type").asText())) {
                String code = frame.path("code").asText();
                assertTrue(Arrays.stream(ErrorCode.values()).anyMatch(c -> c.wireCode().equals(code)),
                        () -> "error example with an unknown code:\n" + example);
            }
        }
    }

    @Test
    void everyJsonBlockIsTaggedAsClientOrServer() {
        // An example under any other info string would silently escape the checks above.
        Map<String, List<String>> blocks = fencedBlocks(doc);
        Set<String> strays = blocks.keySet().stream()
                .filter(info -> info.startsWith("json") && !info.equals(CLIENT_INFO) && !info.equals(SERVER_INFO))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(strays.isEmpty(), "json blocks must be tagged exactly '" + CLIENT_INFO + "' or '" + SERVER_INFO
                + "'; found " + strays);
    }

    // ---- the encoder's output for one or more samples of every event, plus the error frame ----

    /** Encoded samples by frame type; several variants where a field is optional (a side, a conveyance, a ref). */
    private static Map<String, List<JsonNode>> encoderSamples() {
        FrameEncoder encoder = new FrameEncoder(new ObjectMapper());
        List<Event> events = sampleEvents();
        Set<Class<?>> sampled = events.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<String> unsampled = Arrays.stream(Event.class.getPermittedSubclasses())
                .filter(type -> !sampled.contains(type)).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unsampled.isEmpty(), "add a sample of these events to the test: " + unsampled);

        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        long seq = 1;
        for (Event event : events) {
            add(byType, parse(encoder.encode(seq++, event)));
        }
        add(byType, parse(encoder.error(seq++, ErrorCode.FORBIDDEN.wireCode(), "only the mediator may do this",
                "r-17")));
        add(byType, parse(encoder.error(seq++, ErrorCode.BAD_FRAME.wireCode(), "a frame is one JSON object", null)));
        add(byType, parse(encoder.error(seq++, ErrorCode.MOVED.wireCode(), "you were moved", null, "m-7f3a")));
        add(byType, parse(encoder.ack(seq++, "m-7f3a")));
        Event.YouAreIn resumed = new Event.YouAreIn(new PlaceView.InJointRoom(), 5, List.of());
        add(byType, parse(encoder.encode(seq++, resumed, "replayed")));
        add(byType, parse(encoder.encode(seq++, resumed, "not_possible")));
        for (MediaSignal signal : sampleSignals()) {
            add(byType, parse(encoder.signal(seq++, signal)));
        }
        add(byType, parse(encoder.pong(seq++, "probe-1")));
        add(byType, parse(encoder.pong(seq, null)));
        return byType;
    }

    private static void add(Map<String, List<JsonNode>> byType, JsonNode frame) {
        byType.computeIfAbsent(frame.get("type").asText(), type -> new ArrayList<>()).add(frame);
    }

    /** One or more samples of every media signal, with and without their optional fields. */
    private static List<MediaSignal> sampleSignals() {
        List<MediaSignal> signals = List.of(
                new MediaSignal.Granted("joint", List.of()),
                new MediaSignal.Granted("caucus:c-a1", List.of(new IceServer(
                        List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"),
                        "1764601200:q3ZbR2xk9aT0YmLw", "o9b1Kq8Jb0bX6q1oQ8fJ3m7L2nM="))),
                new MediaSignal.Answer("v=0"),
                new MediaSignal.Subscribe(5, "p-jordan", "v=0"),
                new MediaSignal.Subscribe(6, "p-jordan", "v=0", true),
                new MediaSignal.ScreenAnswer("v=0"),
                new MediaSignal.ScreenRefused("timeout"),
                new MediaSignal.Candidate(5, "candidate:1", "0", 0),
                new MediaSignal.Candidate(0, "candidate:1", "0", 0),
                new MediaSignal.Candidate(5, null, null, null),
                new MediaSignal.Candidate(0, null, null, null),
                new MediaSignal.FeedEnded(5),
                new MediaSignal.Revoked("joint", "revoked"));
        Set<Class<?>> sampled = signals.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<String> unsampled = Arrays.stream(MediaSignal.class.getPermittedSubclasses())
                .filter(type -> !sampled.contains(type)).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unsampled.isEmpty(), "add a sample of these media signals to the test: " + unsampled);
        return signals;
    }

    private static List<Event> sampleEvents() {
        ParticipantId mediator = ParticipantId.of("p-dana");
        ParticipantId partyA = ParticipantId.of("p-alex");
        ParticipantId partyB = ParticipantId.of("p-jordan");
        CaucusId caucusA = new CaucusId("c-a1");
        CaucusId adHoc = new CaucusId("c-x9");
        Side a = Side.of("A");
        Side b = Side.of("B");
        ItemView plain = new ItemView(new ItemId("i-1"), Place.caucus(caucusA), partyA, "text", AT, Optional.empty());
        ItemView conveyed = new ItemView(new ItemId("i-2"), Place.joint(), partyA, "wording", AT,
                Optional.of(new Conveyance(new ReleaseId("r-1"), new ItemId("i-1"), Optional.of(a),
                        ReleaseScope.JOINT_CONVEY)));
        ItemView openCopy = new ItemView(new ItemId("i-3"), Place.joint(), partyA, "text", AT,
                Optional.of(new Conveyance(Optional.empty(), new ItemId("i-1"), Optional.of(a),
                        ReleaseScope.JOINT_VERBATIM)));
        DocumentInfo draft = new DocumentInfo(new DocumentId("d-7"), "offer-draft.pdf", "application/pdf", 48213);
        ItemView document = new ItemView(new ItemId("i-4"), Place.caucus(caucusA), partyA, "our draft", AT,
                Optional.empty(), Optional.of(draft));
        ItemView conveyedDocument = new ItemView(new ItemId("i-5"), Place.joint(), partyA, "our draft", AT,
                Optional.of(new Conveyance(new ReleaseId("r-2"), new ItemId("i-4"), Optional.of(a),
                        ReleaseScope.JOINT_VERBATIM)), Optional.of(draft));
        // Every place view, as seen of someone without a side (the mediator) and of someone with one.
        List<PlaceView> everyPlace = List.of(new PlaceView.InLobby(), new PlaceView.InJointRoom(),
                new PlaceView.InCaucus(caucusA, Optional.of(a)), new PlaceView.InCaucus(adHoc, Optional.empty()),
                new PlaceView.InUndisclosedCaucus(Set.of(a)), new PlaceView.NotInSession());
        List<PresenceEntry> everyKindOfPlace = new ArrayList<>();
        for (PlaceView place : everyPlace) {
            everyKindOfPlace.add(new PresenceEntry(mediator, "Dana", Role.MEDIATOR, Optional.empty(), place, true));
            everyKindOfPlace.add(new PresenceEntry(partyB, "Jordan", Role.PARTY, Optional.of(b), place, false));
        }
        everyKindOfPlace.add(new PresenceEntry(partyA, "Alex", Role.PARTY, Optional.of(a), new PlaceView.InJointRoom(),
                true, Optional.of(new MediaState(false, true, true))));
        everyKindOfPlace.add(new PresenceEntry(partyB, "Jordan", Role.PARTY, Optional.of(b), new PlaceView.InJointRoom(),
                true, Optional.empty(), true));
        return List.of(
                new Event.Joined(new SessionId("s-1"), partyA, SessionPhase.LIVE),
                new Event.SessionStarted(AT),
                new Event.SessionEnded(AT),
                new Event.SessionEnded(AT, EndReason.IDLE),
                new Event.SessionEnding(EndReason.IDLE, AT),
                new Event.YouAreIn(new PlaceView.InLobby(), 1, List.of()),
                new Event.YouAreIn(new PlaceView.InJointRoom(), 2, List.of(plain, conveyed)),
                new Event.YouAreIn(new PlaceView.InCaucus(caucusA, Optional.of(a)), 3, List.of(plain, conveyed)),
                new Event.YouAreIn(new PlaceView.InCaucus(adHoc, Optional.empty()), 4, List.of(plain)),
                new Event.YouAreIn(new PlaceView.InCaucus(caucusA, Optional.of(a)), 5, List.of(), true),
                new Event.MessagePosted(plain),
                new Event.MessagePosted(conveyed),
                new Event.MessagePosted(document),
                new Event.MessagePosted(conveyedDocument),
                new Event.CaucusReview(caucusA, List.of(
                        new ReviewEntry(new ItemId("i-1"), partyA, "text", AT, ItemStatus.CONFIDENTIAL),
                        new ReviewEntry(new ItemId("i-4"), partyA, "our draft", AT, ItemStatus.RELEASED,
                                Optional.of(draft)),
                        new ReviewEntry(new ItemId("i-5"), partyA, "text", AT, ItemStatus.CONVEYED, Optional.empty(),
                                Optional.of(new ReviewRelease(ReleaseScope.OTHER_SIDE_CONVEY,
                                        new ReleaseAudience.OtherSideCaucus(b), "wording", ReleaseStatus.CONVEYED))))),
                new Event.Typing(partyA, true),
                new Event.PresenceChanged(everyKindOfPlace),
                new Event.CaucusOpened(caucusA, Optional.of(a), Set.of(partyA)),
                new Event.CaucusOpened(adHoc, Optional.empty(), Set.of(partyA, partyB)),
                new Event.CaucusClosed(caucusA),
                new Event.MediatorClocks(Optional.of(AT), List.of(
                        new Event.CaucusClock(caucusA, Optional.of(a), Optional.of(AT)),
                        new Event.CaucusClock(adHoc, Optional.empty(), Optional.empty()))),
                new Event.MediatorClocks(Optional.empty(), List.of()),
                new Event.ReleaseUpdated(new ReleaseId("r-1"), new ItemId("i-1"), ReleaseScope.OTHER_SIDE_CONVEY,
                        new ReleaseAudience.OtherSideCaucus(b), ReleaseStatus.RELEASED, "wording"),
                new Event.ReleaseUpdated(new ReleaseId("r-2"), new ItemId("i-2"), ReleaseScope.OTHER_SIDE_CONVEY,
                        new ReleaseAudience.OtherSideCaucus(b), ReleaseStatus.RELEASED, null, true),
                new Event.CaucusReview(caucusA, List.of(
                        new ReviewEntry(new ItemId("i-1"), partyA, "text", AT, ItemStatus.CONFIDENTIAL))),
                new Event.CaucusReviewConfirmed(caucusA, partyA),
                new Event.CaucusReviewDisputed(caucusA, partyA, Optional.of(new ItemId("i-1")), "note", AT),
                new Event.CaucusReviewDisputed(caucusA, partyA, Optional.empty(), null, AT),
                new Event.ReattestationRequested(partyA, partyB, AT),
                new Event.PrivacyAlert(partyA, AT),
                new Event.Knocked(partyB, Place.joint(), AT),
                new Event.Knocked(partyA, Place.caucus(caucusA), AT),
                new Event.LobbyNotice("text", AT),
                new Event.Attested(partyA, AT),
                new Event.RosterChanged(ParticipantId.of("p-lee"), Role.COUNSEL, Optional.of(a), "Lee Park"),
                new Event.RosterChanged(ParticipantId.of("p-erin"), Role.THIRD_PARTY, Optional.empty(), "Erin Shaw"),
                new Event.MediaAlert(partyA, "cut_unconfirmed"),
                new Event.MessagePosted(openCopy),
                new Event.ExceptionInvoked(new ItemId("i-1"), ExceptionCategory.THREAT_OF_BODILY_HARM, mediator, AT),
                new Event.ExceptionExport(new ItemId("i-1"), ExceptionCategory.THREAT_OF_BODILY_HARM, "text"),
                new Event.SettlementUpdated(new SettlementDraft("1. Terms.", 3, Optional.of(partyA),
                        List.of(new SettlementComment("i-40", partyB, "When?", AT)), List.of(), null)),
                new Event.SettlementUpdated(new SettlementDraft("1. Terms.", 3, Optional.of(partyA),
                        List.of(new SettlementComment("i-40", partyB, "When?", AT)),
                        List.of(new SettlementSignature(partyA, "Alex Smith", Role.PARTY, AT, true),
                                new SettlementSignature(mediator, "Dana Lee", Role.MEDIATOR, AT, false)), AT)));
    }

    // ---- helpers ----

    /**
     * Empty when the example has exactly the sample's field names, recursively through objects, with the same kind
     * of value (string, number, boolean, object, array) in each; each element of an example array must match some
     * element of the sample's array.
     */
    private static Optional<String> shapeMismatch(String path, JsonNode example, JsonNode sample) {
        if (example.getNodeType() != sample.getNodeType()) {
            return Optional.of(path + " is " + example.getNodeType() + ", encoder writes " + sample.getNodeType());
        }
        if (example.isObject()) {
            Set<String> exampleKeys = fieldNames(example);
            Set<String> sampleKeys = fieldNames(sample);
            if (!exampleKeys.equals(sampleKeys)) {
                return Optional.of(path + "{} has " + exampleKeys + ", encoder writes " + sampleKeys);
            }
            for (String key : exampleKeys) {
                Optional<String> inner = shapeMismatch(path + "." + key, example.get(key), sample.get(key));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (example.isArray()) {
            for (JsonNode element : example) {
                List<String> reasons = new ArrayList<>();
                boolean any = false;
                for (JsonNode candidate : sample) {
                    Optional<String> inner = shapeMismatch(path + "[]", element, candidate);
                    inner.ifPresent(reasons::add);
                    any |= inner.isEmpty();
                }
                if (!any) {
                    return Optional.of(path + "[] element " + element + " matches no element the encoder writes "
                            + reasons);
                }
            }
        }
        return Optional.empty();
    }

    /** Every textual value of the named field, at any depth. */
    private static void collect(JsonNode node, String field, Set<String> into) {
        if (node.isObject()) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual()) {
                into.add(value.asText());
            }
        }
        node.forEach(child -> collect(child, field, into));
    }

    private static Set<String> lowerNames(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return fail("not JSON: " + e.getMessage() + "\n" + json);
        }
    }

    /** Every fenced block of the document, keyed by its info string (trimmed), in document order. */
    private static Map<String, List<String>> fencedBlocks(String markdown) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        Matcher fence = FENCE.matcher(markdown);
        while (fence.find()) {
            String info = fence.group(1).trim();
            int bodyStart = fence.end() + 1;
            if (!fence.find()) {
                fail("unclosed ``` block (" + info + ") in " + DOC);
            }
            assertEquals("", fence.group(1).trim(), "a ``` block closes with a bare fence in " + DOC);
            String body = bodyStart <= fence.start() ? markdown.substring(bodyStart, fence.start()) : "";
            blocks.computeIfAbsent(info, key -> new ArrayList<>()).add(body.strip());
        }
        return blocks;
    }
}
