package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model test's own record of the session, built only from accepted facts and the test's own commands,
 * never from the model's internals; it is the oracle every delivery is checked against.
 */
final class ModelWorld {

    static final Pattern MARKER = Pattern.compile("MK\\d+#");

    record CaucusRecord(Optional<Side> forSide, Set<ParticipantId> members, Set<Side> sides, boolean open) {
    }

    record ItemRecord(ItemId id, Room room, ParticipantId author, Set<ParticipantId> audience, String text,
                      Optional<ReleaseId> conveyedBy, Optional<ItemId> openlyConveyedFrom) {
        ItemRecord(ItemId id, Room room, ParticipantId author, Set<ParticipantId> audience, String text,
                   Optional<ReleaseId> conveyedBy) {
            this(id, room, author, audience, text, conveyedBy, Optional.empty());
        }

        /** Said where it is, not a copy conveyed under a release or the open-caucus policy. */
        boolean isOriginal() {
            return conveyedBy.isEmpty() && openlyConveyedFrom.isEmpty();
        }
    }

    record ReleaseRecord(ReleaseId id, ItemId itemId, ReleaseScope scope, ReleaseAudience audience, String wording,
                         ReleaseStatus status, boolean everConfirmed) {
        ReleaseRecord with(ReleaseStatus newStatus) {
            return new ReleaseRecord(id, itemId, scope, audience, wording, newStatus,
                    everConfirmed || newStatus == ReleaseStatus.RELEASED);
        }
    }

    /** Who may ever see a planted marker, and the side whose caucus (or party) it came from, if any. */
    record MarkerRecord(Optional<Side> originSide, boolean caucusOrigin, Set<ParticipantId> allowed) {
    }

    final Map<ParticipantId, Participant> roster = new LinkedHashMap<>();
    /** The case's caucus policy the session runs under, as the test chose it. */
    final CaucusPolicy policy;
    SessionPhase phase = SessionPhase.NOT_STARTED;
    final Map<ParticipantId, Place> places = new HashMap<>();
    final Set<ParticipantId> connected = new HashSet<>();
    Set<ParticipantId> connectedWhenEnded = Set.of();
    final Map<CaucusId, CaucusRecord> caucuses = new LinkedHashMap<>();
    final Map<ItemId, ItemRecord> items = new LinkedHashMap<>();
    final Map<ReleaseId, ReleaseRecord> releases = new LinkedHashMap<>();
    final Map<String, MarkerRecord> markers = new HashMap<>();
    final Set<List<Object>> confirmedReviews = new HashSet<>();
    /** Attested for this session: added by the test's own markAttested, removed by the facts that clear it. */
    final Set<ParticipantId> attested = new HashSet<>();
    /** For each third party, the parties that currently consent. */
    final Map<ParticipantId, Set<ParticipantId>> consents = new HashMap<>();
    final Map<ParticipantId, Instant> disconnectedSince = new HashMap<>();
    /** Reported a privacy breach and not yet moved back into a room: must receive no room frame meanwhile. */
    final Set<ParticipantId> breached = new HashSet<>();
    /** How often each participant's place changed (connect, move, leave): the test's own placement clock. */
    private final Map<ParticipantId, Integer> placeChanges = new HashMap<>();
    /** The latest arrivals each client was shown, newest last: the views its author may still compose from. */
    final Map<ParticipantId, List<ShownArrival>> shown = new HashMap<>();
    /** Where the last accepted post or convey put its item, for the "into the place its author saw" check. */
    Room lastItemRoom;

    /** An arrival frame as its client saw it, stamped with the place-change count it was current at (-1: never). */
    record ShownArrival(SeenPlace seen, int stamp) {
    }
    /** Asked to re-attest by their own long absence, in the decision that is connecting them. */
    private final Set<ParticipantId> askedOnReturn = new HashSet<>();
    private final Duration reattestAfter;

    /** Text of the command being run, so the fact it produces can be tied to its markers. */
    String pendingText;

    ModelWorld(List<Participant> participants, Duration reattestAfter, CaucusPolicy policy) {
        this.policy = policy;
        participants.forEach(p -> roster.put(p.id(), p));
        this.reattestAfter = reattestAfter;
    }

    /** The roster's parties (in roster order) not currently consenting to the third party. */
    List<ParticipantId> consentsMissing(ParticipantId thirdParty) {
        Set<ParticipantId> consenting = consents.getOrDefault(thirdParty, Set.of());
        return roster.values().stream().filter(p -> p.role() == Role.PARTY && !consenting.contains(p.id()))
                .map(Participant::id).toList();
    }

    /** The entry rule, written independently of the model: attested, and for a third party every consent. */
    boolean mayBeInARoom(ParticipantId id) {
        return attested.contains(id) && (!who(id).isThirdParty() || consentsMissing(id).isEmpty());
    }

    /** The mediator's status view as the test expects it. */
    List<ParticipantStatus> expectedStatus() {
        return roster.values().stream()
                .map(p -> new ParticipantStatus(p.id(), p.role(), p.side(),
                        places.containsKey(p.id()) ? fullView(places.get(p.id())) : new PlaceView.NotInSession(),
                        connected.contains(p.id()), attested.contains(p.id()),
                        p.isThirdParty() ? consentsMissing(p.id()) : List.of()))
                .toList();
    }

    Participant who(ParticipantId id) {
        return roster.get(id);
    }

    List<ParticipantId> placedIn(Place place) {
        return roster.keySet().stream().filter(id -> place.equals(places.get(id))).toList();
    }

    List<ParticipantId> connectedIn(Place place) {
        return placedIn(place).stream().filter(connected::contains).toList();
    }

    Optional<Room> speakingRoom(ParticipantId id) {
        return connected.contains(id) && places.get(id) instanceof Room room ? Optional.of(room) : Optional.empty();
    }

    boolean covers(ReleaseAudience audience, Place place) {
        if (audience instanceof ReleaseAudience.Joint) {
            return place instanceof JointRoom;
        }
        Side side = ((ReleaseAudience.OtherSideCaucus) audience).side();
        return place instanceof Caucus c && caucuses.get(c.caucusId()).open()
                && caucuses.get(c.caucusId()).forSide().equals(Optional.of(side));
    }

    ItemStatus statusOf(ItemId item) {
        ReleaseRecord latest = null;
        for (ReleaseRecord r : releases.values()) {
            if (r.itemId().equals(item)) {
                latest = r;
            }
        }
        if (latest == null) {
            return ItemStatus.CONFIDENTIAL;
        }
        return switch (latest.status()) {
            case PENDING -> ItemStatus.RELEASE_PENDING;
            case RELEASED -> ItemStatus.RELEASED;
            case CONVEYED -> ItemStatus.CONVEYED;
            case WITHDRAWN -> ItemStatus.WITHDRAWN;
        };
    }

    /** The presence rules, written independently of the model: what {@code viewer} may see of everyone. */
    List<PresenceEntry> expectedPresence(ParticipantId viewer) {
        List<PresenceEntry> entries = new ArrayList<>();
        for (Participant subject : roster.values()) {
            entries.add(new PresenceEntry(subject.id(), subject.displayName(), subject.role(), subject.side(),
                    expectedPlace(who(viewer), subject), connected.contains(subject.id())));
        }
        return entries;
    }

    PlaceView fullView(Place place) {
        if (place instanceof Lobby) {
            return new PlaceView.InLobby();
        }
        if (place instanceof JointRoom) {
            return new PlaceView.InJointRoom();
        }
        CaucusId id = ((Caucus) place).caucusId();
        return new PlaceView.InCaucus(id, caucuses.get(id).forSide());
    }

    private PlaceView expectedPlace(Participant viewer, Participant subject) {
        Place place = places.get(subject.id());
        if (place == null) {
            return new PlaceView.NotInSession();
        }
        if (!(place instanceof Caucus caucus)) {
            return fullView(place);
        }
        boolean sameSide = viewer.side().isPresent() && viewer.side().equals(subject.side());
        if (viewer.isOnMediationTeam() || viewer.id().equals(subject.id()) || sameSide) {
            return fullView(place);
        }
        CaucusRecord record = caucuses.get(caucus.caucusId());
        if (subject.isOnMediationTeam()) {
            return record.members().contains(viewer.id()) ? fullView(place)
                    : new PlaceView.InUndisclosedCaucus(record.sides());
        }
        return new PlaceView.InUndisclosedCaucus(Set.of());
    }

    // ---- what clients were shown ----

    private static final int ARRIVALS_REMEMBERED = 4;

    /**
     * Records an arrival frame delivered to a client. {@code current} is false for an arrival that a later one in
     * the same decision overtook: its author never composed from it as the latest view.
     */
    void show(ParticipantId to, SeenPlace seen, boolean current) {
        List<ShownArrival> arrivals = shown.computeIfAbsent(to, id -> new ArrayList<>());
        arrivals.add(new ShownArrival(seen, current ? placeChanges.getOrDefault(to, 0) : -1));
        if (arrivals.size() > ARRIVALS_REMEMBERED) {
            arrivals.remove(0);
        }
    }

    /**
     * Whether a room-scoped command composed from this view must be refused as "moved": the author is placed,
     * and elsewhere than the view's place, or (when the view names its placement) has moved since that arrival.
     */
    boolean staleView(ParticipantId author, SeenPlace seen) {
        Place now = places.get(author);
        if (now == null) {
            return false;
        }
        if (!now.equals(seen.place())) {
            return true;
        }
        if (seen.placement().isEmpty()) {
            return false;
        }
        int changes = placeChanges.getOrDefault(author, 0);
        return shown.getOrDefault(author, List.of()).stream().noneMatch(arrival -> arrival.seen().equals(seen)
                && arrival.stamp() == changes);
    }

    // ---- applying facts ----

    void apply(Fact fact) {
        if (fact instanceof Fact.SessionStarted) {
            phase = SessionPhase.LIVE;
        } else if (fact instanceof Fact.SessionEnded) {
            phase = SessionPhase.ENDED;
            connectedWhenEnded = Set.copyOf(connected);
            places.clear();
            connected.clear();
            attested.clear();
            breached.clear();
            disconnectedSince.clear();
        } else if (fact instanceof Fact.ParticipantConnected c) {
            applyConnected(c);
        } else if (fact instanceof Fact.ParticipantDisconnected d) {
            assertTrue(connected.remove(d.participant()), "disconnect of someone not connected");
            assertEquals(places.get(d.participant()), d.place());
            disconnectedSince.put(d.participant(), d.at());
        } else if (fact instanceof Fact.ParticipantLeft l) {
            assertEquals(places.remove(l.participant()), l.from());
            placeChanges.merge(l.participant(), 1, Integer::sum);
            if (connected.remove(l.participant())) {
                disconnectedSince.put(l.participant(), l.at());
            }
        } else if (fact instanceof Fact.ConsentChanged c) {
            assertEquals(Role.PARTY, who(c.party()).role(), "consent by a " + who(c.party()).role());
            assertTrue(who(c.thirdParty()).isThirdParty(), "consent to someone not a third party");
            Set<ParticipantId> consenting = consents.computeIfAbsent(c.thirdParty(), id -> new HashSet<>());
            assertTrue(c.consented() ? consenting.add(c.party()) : consenting.remove(c.party()),
                    "a consent fact that changed nothing");
        } else if (fact instanceof Fact.ReattestationRequested r) {
            attested.remove(r.participant());
            if (r.by().equals(r.participant())) {
                assertFalse(connected.contains(r.participant()), "asked on return, but was already connected");
                askedOnReturn.add(r.participant());
            } else {
                assertTrue(team().contains(r.by()), "re-attestation asked by someone off the mediation team");
                assertFalse(who(r.participant()).isOnMediationTeam(), "the mediation team was asked to re-attest");
            }
        } else if (fact instanceof Fact.PrivacyAlertRaised a) {
            attested.remove(a.participant());
            breached.add(a.participant());
        } else if (fact instanceof Fact.ParticipantMoved m) {
            applyMove(m);
        } else if (fact instanceof Fact.CaucusOpened o) {
            Set<Side> sides = new LinkedHashSet<>();
            o.forSide().ifPresent(sides::add);
            if (o.forSide().isEmpty()) {
                o.members().forEach(id -> who(id).side().ifPresent(sides::add));
            } else {
                assertEquals(Set.copyOf(roster.values().stream().filter(p -> p.isOn(o.forSide().get()))
                        .map(Participant::id).toList()), o.members(), "side caucus members are that side");
            }
            caucuses.put(o.caucusId(), new CaucusRecord(o.forSide(), o.members(), sides, true));
        } else if (fact instanceof Fact.CaucusClosed c) {
            assertTrue(placedIn(Place.caucus(c.caucusId())).isEmpty(), "closed caucus must be empty");
            CaucusRecord r = caucuses.get(c.caucusId());
            caucuses.put(c.caucusId(), new CaucusRecord(r.forSide(), r.members(), r.sides(), false));
        } else if (fact instanceof Fact.ItemPosted p) {
            applyPost(p);
        } else if (fact instanceof Fact.ReleaseProposed p) {
            assertMayActOnItem(p.proposedBy(), p.itemId(), Role.COUNSEL);
            newRelease(p.releaseId(), p.itemId(), p.scope(), p.audience(), p.wordingSha256Hex(),
                    ReleaseStatus.PENDING);
        } else if (fact instanceof Fact.ReleaseRecorded r) {
            applyRecorded(r);
        } else if (fact instanceof Fact.ReleaseWithdrawn w) {
            ReleaseRecord r = releases.get(w.releaseId());
            assertMayActOnItem(w.by(), r.itemId(), Role.PARTY);
            assertTrue(r.status() == ReleaseStatus.PENDING || r.status() == ReleaseStatus.RELEASED,
                    "withdrawn from " + r.status());
            releases.put(r.id(), r.with(ReleaseStatus.WITHDRAWN));
        } else if (fact instanceof Fact.ReleaseConveyed c) {
            applyConveyed(c);
        } else if (fact instanceof Fact.ItemConveyedOpenly c) {
            applyConveyedOpenly(c);
        } else if (fact instanceof Fact.CaucusReviewConfirmed c) {
            assertFalse(caucuses.get(c.caucusId()).open(), "review of an open caucus");
            assertTrue(caucuses.get(c.caucusId()).members().contains(c.participant()), "review by a non-member");
            assertTrue(confirmedReviews.add(List.of(c.caucusId(), c.participant())), "review confirmed twice");
        } else if (fact instanceof Fact.CaucusReviewDisputed d) {
            assertFalse(caucuses.get(d.caucusId()).open(), "dispute of an open caucus's review");
            assertTrue(caucuses.get(d.caucusId()).members().contains(d.participant()), "dispute by a non-member");
        } else {
            fail("unexpected fact " + fact.getClass().getSimpleName());
        }
    }

    /** A return after a long absence must have been asked to re-attest (in the lobby) in the same decision. */
    private void applyConnected(Fact.ParticipantConnected c) {
        Instant since = disconnectedSince.remove(c.participant());
        boolean longAway = since != null && Duration.between(since, c.at()).compareTo(reattestAfter) > 0;
        assertEquals(longAway, askedOnReturn.remove(c.participant()), "re-attestation on return iff a long absence");
        assertEquals(places.containsKey(c.participant()), c.resumed(), "resumed flag");
        assertEquals(places.getOrDefault(c.participant(), Place.lobby()), c.place(), "connect place");
        if (longAway) {
            assertEquals(Place.lobby(), c.place(), "a long absence returns to the lobby");
        }
        places.put(c.participant(), c.place());
        placeChanges.merge(c.participant(), 1, Integer::sum);
        connected.add(c.participant());
    }

    private void applyMove(Fact.ParticipantMoved m) {
        assertEquals(places.get(m.participant()), m.from(), "move from where the participant was");
        if (m.to() instanceof Room) {
            // The gate, checked against the test's own record: attested, and a third party with every consent.
            assertTrue(mayBeInARoom(m.participant()), m.participant() + " entered a room unattested or without"
                    + " every party's consent: attested=" + attested.contains(m.participant()));
            breached.remove(m.participant());
        }
        if (m.to() instanceof Caucus c) {
            CaucusRecord r = caucuses.get(c.caucusId());
            assertTrue(r.open(), "moved into a closed caucus");
            assertTrue(who(m.participant()).isOnMediationTeam() || r.members().contains(m.participant()),
                    "moved into a caucus of which they are not a member");
        }
        places.put(m.participant(), m.to());
        placeChanges.merge(m.participant(), 1, Integer::sum);
    }

    private void applyPost(Fact.ItemPosted p) {
        // The model chose the room; the test checks it is where its own record has the author.
        assertEquals(Optional.of(p.room()), speakingRoom(p.author()), "message room is not the author's room");
        Set<ParticipantId> audience = Set.copyOf(placedIn(p.room()));
        items.put(p.itemId(), new ItemRecord(p.itemId(), p.room(), p.author(), audience, pendingText,
                Optional.empty()));
        lastItemRoom = p.room();
        boolean caucus = p.room() instanceof Caucus;
        for (String marker : markersIn(pendingText)) {
            markers.put(marker, new MarkerRecord(who(p.author()).side(), caucus, new HashSet<>(audience)));
        }
    }

    private void newRelease(ReleaseId id, ItemId itemId, ReleaseScope scope, ReleaseAudience audience,
                            String sha, ReleaseStatus status) {
        ItemRecord item = items.get(itemId);
        String wording = pendingText != null ? pendingText : item.text();
        assertEquals(sha256(wording), sha, "wording hash");
        releases.put(id, new ReleaseRecord(id, itemId, scope, audience, wording, status,
                status == ReleaseStatus.RELEASED));
        Optional<Side> side = who(item.author()).side();
        for (String marker : markersIn(wording)) {
            if (!markers.containsKey(marker)) {
                // New wording: the owning side's members who heard the item may see it.
                Set<ParticipantId> allowed = new HashSet<>();
                item.audience().stream().filter(id2 -> side.isPresent() && who(id2).isOn(side.get()))
                        .forEach(allowed::add);
                markers.put(marker, new MarkerRecord(side, true, allowed));
            }
        }
        if (status == ReleaseStatus.RELEASED) {
            // A release to the mediator is to the mediation team: the co-mediator may see its wording too.
            allow(wording, team());
        }
    }

    private void applyRecorded(Fact.ReleaseRecorded r) {
        assertMayActOnItem(r.confirmedBy(), r.itemId(), Role.PARTY);
        ReleaseRecord existing = releases.get(r.releaseId());
        if (existing == null) {
            newRelease(r.releaseId(), r.itemId(), r.scope(), r.audience(), r.wordingSha256Hex(),
                    ReleaseStatus.RELEASED);
            return;
        }
        assertEquals(ReleaseStatus.PENDING, existing.status(), "confirmed a release that was not pending");
        releases.put(existing.id(), existing.with(ReleaseStatus.RELEASED));
        allow(existing.wording(), team());
    }

    private void applyConveyed(Fact.ReleaseConveyed c) {
        ReleaseRecord r = releases.get(c.releaseId());
        // The heart of the release rule: only a confirmed, unwithdrawn, unused release for exactly this room.
        assertEquals(ReleaseStatus.RELEASED, r.status(), "conveyed a release that was " + r.status());
        assertEquals(r.itemId(), c.itemId(), "conveyed a different item than released");
        assertTrue(team().contains(c.by()), "conveyed by " + c.by() + ", who is not on the mediation team");
        assertEquals(places.get(c.by()), c.room(), "conveyed into a room the conveyor is not in");
        assertTrue(covers(r.audience(), c.room()), "conveyed to " + c.room() + " under a release for "
                + r.audience());
        releases.put(r.id(), r.with(ReleaseStatus.CONVEYED));
        List<ParticipantId> audience = placedIn(c.room());
        ItemRecord original = items.get(r.itemId());
        items.put(c.conveyedItemId(), new ItemRecord(c.conveyedItemId(), c.room(), original.author(),
                Set.copyOf(audience), r.wording(), Optional.of(r.id())));
        lastItemRoom = c.room();
        allow(r.wording(), audience);
    }

    /**
     * The open-caucus rule, checked against the test's own record: only under that policy, only an original caucus
     * item the mediator heard, only into the room the mediator is in and not back into its own caucus. Its text may
     * then be seen by everyone placed there.
     */
    private void applyConveyedOpenly(Fact.ItemConveyedOpenly c) {
        assertEquals(CaucusPolicy.OPEN_CAUCUS, policy, "conveyed without a release under " + policy);
        ItemRecord original = items.get(c.itemId());
        assertTrue(original.room() instanceof Caucus && original.isOriginal(), "openly conveyed a non-caucus item");
        // Whoever of the team conveys carries only what it heard itself: never what the other one heard alone.
        assertTrue(team().contains(c.by()), "openly conveyed by " + c.by() + ", who is not on the mediation team");
        assertTrue(original.audience().contains(c.by()), "openly conveyed an item the conveyor never heard");
        assertEquals(places.get(c.by()), c.room(), "conveyed into a room the conveyor is not in");
        assertFalse(c.room().equals(original.room()), "conveyed back into its own caucus");
        List<ParticipantId> audience = placedIn(c.room());
        items.put(c.conveyedItemId(), new ItemRecord(c.conveyedItemId(), c.room(), original.author(),
                Set.copyOf(audience), original.text(), Optional.empty(), Optional.of(original.id())));
        lastItemRoom = c.room();
        allow(original.text(), audience);
    }

    /**
     * A release is only as good as who made it: a party of the item's side who heard it and authored it (or whose
     * counsel did), or counsel of that side for a proposal.
     */
    private void assertMayActOnItem(ParticipantId actor, ItemId itemId, Role role) {
        ItemRecord item = items.get(itemId);
        Participant who = who(actor);
        Participant author = who(item.author());
        assertTrue(item.room() instanceof Caucus && item.isOriginal(), "released a non-caucus item");
        assertEquals(role, who.role(), "release action by a " + who.role());
        assertTrue(who.sameSideAs(author), "release action by the other side");
        assertTrue(item.audience().contains(actor), "release action on an item the actor never heard");
        if (role == Role.PARTY) {
            assertTrue(author.id().equals(actor) || author.role() == Role.COUNSEL,
                    "party released someone else's item");
        }
    }

    private void allow(String text, List<ParticipantId> recipients) {
        for (String marker : markersIn(text)) {
            markers.get(marker).allowed().addAll(recipients);
        }
    }

    /** The mediator and the co-mediator, if the roster has one. */
    List<ParticipantId> team() {
        return roster.values().stream().filter(Participant::isOnMediationTeam).map(Participant::id).toList();
    }

    ParticipantId mediator() {
        return roster.values().stream().filter(Participant::isMediator).findFirst().orElseThrow().id();
    }

    static List<String> markersIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
