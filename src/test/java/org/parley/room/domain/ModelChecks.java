package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The invariants checked after every accepted step of the model test, against the test's own {@link ModelWorld}. */
final class ModelChecks {

    private final ModelWorld world;
    private final ModelStats stats;
    /** The last presence view each participant received, to prove nobody is left with a stale view. */
    final Map<ParticipantId, List<PresenceEntry>> lastPresence = new HashMap<>();
    /** The media grants the transport would hold, built only by applying each decision's media changes. */
    final Map<ParticipantId, MediaChange.Grant> mediaGranted = new HashMap<>();

    ModelChecks(ModelWorld world, ModelStats stats) {
        this.world = world;
        this.stats = stats;
    }

    /** Checks one accepted decision; the world must already have applied the decision's facts. */
    void checkAccepted(Decision.Accepted accepted, ParticipantId actor, boolean typingCommand) {
        for (Fact fact : accepted.facts()) {
            assertTrue(ModelWorld.markersIn(fact.toString()).isEmpty(), "a fact carries content: " + fact);
        }
        Map<ItemId, Set<ParticipantId>> messageRecipients = new LinkedHashMap<>();
        Set<ParticipantId> typingRecipients = new LinkedHashSet<>();
        for (Delivery delivery : accepted.deliveries()) {
            ParticipantId to = delivery.recipient();
            Event event = delivery.event();
            checkMarkers(to, event);
            checkContentAllowed(to, event);
            if (event instanceof Event.SessionEnded) {
                assertTrue(world.connectedWhenEnded.contains(to), "SessionEnded to someone not connected");
                continue;
            }
            assertTrue(world.connected.contains(to), "delivery to someone not connected: " + event);
            if (event instanceof Event.MessagePosted posted) {
                checkRoomItem(to, posted.item());
                messageRecipients.computeIfAbsent(posted.item().itemId(), id -> new LinkedHashSet<>()).add(to);
            } else if (event instanceof Event.Typing typing) {
                assertTrue(typingCommand, "typing event from a command that is not typing");
                typingRecipients.add(to);
                assertEquals(actor, typing.participant(), "typing names someone else");
            } else if (event instanceof Event.YouAreIn youAreIn) {
                checkArrival(to, youAreIn);
            } else if (event instanceof Event.PresenceChanged presence) {
                assertEquals(world.expectedPresence(to), presence.participants(), "presence seen by " + to);
                lastPresence.put(to, presence.participants());
            } else if (event instanceof Event.ReleaseUpdated update) {
                checkReleaseUpdate(to, update);
            } else if (event instanceof Event.CaucusReview review) {
                checkReview(to, review);
            } else if (event instanceof Event.CaucusOpened opened) {
                assertTrue(isInsider(to, opened.caucusId()), "caucus id told to an outsider");
            } else if (event instanceof Event.CaucusClosed closed) {
                assertTrue(isInsider(to, closed.caucusId()), "caucus id told to an outsider");
            } else if (event instanceof Event.ReattestationRequested asked) {
                assertEquals(to, asked.participant(), "re-attestation request sent to someone else");
                assertFalse(world.attested.contains(to), "asked to re-attest but still attested");
            } else if (event instanceof Event.PrivacyAlert) {
                assertTrue(world.who(to).isOnMediationTeam(), "a privacy alert reached someone off the mediation team");
            }
        }
        // Completeness: a room event reaches everyone connected in the room, not only nobody-else.
        messageRecipients.forEach((itemId, recipients) -> assertEquals(
                Set.copyOf(world.connectedIn(world.items.get(itemId).room())), recipients,
                "recipients of item " + itemId));
        if (typingCommand) {
            checkTypingAudience(actor, typingRecipients);
        }
    }

    /**
     * Applies the decision's media changes as the transport would (revocations before the deliveries, the rest
     * after) and checks the media rule against the test's own record: afterwards exactly the connected,
     * room-placed, attested (and, for a third party, consented) participants hold a grant, each for the room they
     * are in and for the arrival this decision (or an earlier one) showed them.
     */
    void checkMedia(Decision.Accepted accepted, LiveSession session) {
        Map<ParticipantId, Long> arrivals = new HashMap<>();
        for (Delivery delivery : accepted.deliveries()) {
            if (delivery.event() instanceof Event.YouAreIn arrival) {
                arrivals.put(delivery.recipient(), arrival.placement());
                // Whoever is told of a move no longer holds a grant from before it: the revocation came first.
                MediaChange.Grant held = mediaGranted.get(delivery.recipient());
                assertTrue(held == null || accepted.mediaRevokes().contains(held.revoke()),
                        "an arrival was delivered to " + delivery.recipient() + " still holding " + held);
            }
        }
        for (MediaChange change : accepted.media()) {
            if (change instanceof MediaChange.Revoke revoke) {
                MediaChange.Grant held = mediaGranted.remove(revoke.participant());
                assertEquals(revoke, held == null ? null : held.revoke(), "revoked a grant not held");
            } else if (change instanceof MediaChange.Grant grant) {
                assertFalse(mediaGranted.containsKey(grant.participant()), "two grants at once: " + grant);
                assertEquals(arrivals.get(grant.participant()), grant.placement(),
                        "a grant without the arrival it belongs to: " + grant);
                mediaGranted.put(grant.participant(), grant);
            } else if (change instanceof MediaChange.Retire retire) {
                boolean gone = world.phase == SessionPhase.ENDED || retire.room() instanceof Caucus caucus
                        && !world.caucuses.get(caucus.caucusId()).open();
                assertTrue(gone, "retired a room that still carries media: " + retire.room());
                stats.note("media room retired");
            }
        }
        Map<ParticipantId, Room> expected = new HashMap<>();
        for (ParticipantId id : world.roster.keySet()) {
            if (world.phase == SessionPhase.LIVE && world.mayBeInARoom(id)
                    && world.speakingRoom(id).isPresent()) {
                expected.put(id, world.speakingRoom(id).get());
            }
        }
        Map<ParticipantId, Room> actual = new HashMap<>();
        mediaGranted.forEach((id, grant) -> actual.put(id, grant.room()));
        assertEquals(expected, actual, "MEDIA: grants held after the decision");
        assertEquals(Set.copyOf(mediaGranted.values()), Set.copyOf(session.mediaGrants()),
                "the model's own view of its grants");
        if (!accepted.media().isEmpty()) {
            stats.note("media changed");
        }
    }

    /**
     * After every step: everyone's view from the model equals the test's, and connected people hold it; only the
     * mediator gets the status view, and it equals the test's; and nobody is in a room who may not be there.
     */
    void checkPresenceEverywhere(LiveSession session, Map<ParticipantId, List<PresenceEntry>> presence) {
        for (ParticipantId viewer : world.roster.keySet()) {
            List<PresenceEntry> actual = presence.get(viewer);
            assertEquals(world.expectedPresence(viewer), actual, "model presence for " + viewer);
            if (world.connected.contains(viewer)) {
                assertEquals(actual, lastPresence.get(viewer), "stale presence view held by " + viewer);
            }
            if (world.who(viewer).isOnMediationTeam()) {
                assertEquals(world.expectedStatus(), session.statusForMediator(viewer).orElseThrow(), "status view");
            } else {
                assertTrue(session.statusForMediator(viewer).isEmpty(), "status view given to " + viewer);
            }
        }
        world.places.forEach((who, place) -> {
            if (place instanceof Room) {
                assertTrue(world.mayBeInARoom(who), who + " is in " + place + " unattested or without consent");
                assertFalse(world.breached.contains(who), who + " is in " + place + " after a privacy alert");
            }
        });
    }

    /**
     * Content (room frames, caucus reviews, release wording) reaches only someone attested at send time; a third
     * party only while every party consents; and a privacy-alert reporter gets no room frame until moved back in.
     */
    private void checkContentAllowed(ParticipantId to, Event event) {
        boolean roomFrame = event instanceof Event.MessagePosted || event instanceof Event.Typing
                || event instanceof Event.YouAreIn in
                && (!(in.place() instanceof PlaceView.InLobby) || !in.history().isEmpty());
        if (!roomFrame && !(event instanceof Event.CaucusReview) && !(event instanceof Event.ReleaseUpdated)) {
            return;
        }
        String kind = event.getClass().getSimpleName();
        assertTrue(world.attested.contains(to), "UNATTESTED: " + kind + " reached " + to + ", not attested");
        if (world.who(to).isThirdParty()) {
            assertTrue(world.consentsMissing(to).isEmpty(), "NO CONSENT: " + kind + " reached third party " + to
                    + " while " + world.consentsMissing(to) + " do not consent");
            stats.note("third party received content");
        }
        if (roomFrame) {
            assertFalse(world.breached.contains(to), "PRIVACY ALERT: " + kind + " reached " + to
                    + " after they reported being overheard, before being moved back into a room");
        }
    }

    private void checkTypingAudience(ParticipantId actor, Set<ParticipantId> recipients) {
        Room room = world.speakingRoom(actor).orElseThrow();
        Set<ParticipantId> expected = new LinkedHashSet<>(world.connectedIn(room));
        expected.remove(actor);
        assertEquals(expected, recipients, "typing recipients");
    }

    /** THE invariant: room content only to someone present in the room, or a covered convey to those present. */
    private void checkRoomItem(ParticipantId to, ItemView view) {
        ModelWorld.ItemRecord item = world.items.get(view.itemId());
        assertTrue(item != null, "unknown item delivered");
        assertEquals(item.room(), view.room(), "item room");
        assertEquals(Optional.of(item.room()), Optional.ofNullable(world.places.get(to)),
                "room content delivered to someone not in that room");
        assertTrue(item.audience().contains(to), "room content delivered outside its audience");
        assertEquals(item.text(), view.text(), "item text");
        if (view.conveyed().isPresent() && view.conveyed().get().underOpenCaucus()) {
            // The adjusted invariant: under open caucus a copy needs no release, only the policy and its original.
            assertEquals(CaucusPolicy.OPEN_CAUCUS, world.policy, "a copy without a release under " + world.policy);
            assertEquals(item.openlyConveyedFrom(), Optional.of(view.conveyed().get().originalItemId()),
                    "openly conveyed a different item");
            assertTrue(item.conveyedBy().isEmpty(), "an open-caucus copy names a release");
        } else if (view.conveyed().isPresent()) {
            Conveyance conveyance = view.conveyed().get();
            ModelWorld.ReleaseRecord release = world.releases.get(conveyance.release().orElseThrow());
            assertEquals(Optional.of(release.id()), item.conveyedBy(), "conveyed without that release");
            assertEquals(release.itemId(), conveyance.originalItemId(), "conveyed a different item");
            assertEquals(release.scope(), conveyance.scope());
            assertTrue(world.covers(release.audience(), item.room()), "conveyed outside the release audience");
        } else {
            assertTrue(item.isOriginal(), "a conveyed item lost its conveyance");
        }
    }

    private void checkArrival(ParticipantId to, Event.YouAreIn arrival) {
        Place place = world.places.get(to);
        assertEquals(world.fullView(place), arrival.place(), "arrival place of " + to);
        List<ItemId> expected = world.items.values().stream()
                .filter(i -> i.room().equals(place) && i.audience().contains(to))
                .map(ModelWorld.ItemRecord::id)
                .toList();
        assertEquals(expected, arrival.history().stream().map(ItemView::itemId).toList(),
                "replay must be exactly the items the entrant was present for");
    }

    private void checkReleaseUpdate(ParticipantId to, Event.ReleaseUpdated update) {
        ModelWorld.ReleaseRecord release = world.releases.get(update.releaseId());
        ModelWorld.ItemRecord item = world.items.get(release.itemId());
        assertEquals(release.status(), update.status(), "release status");
        if (world.who(to).isOnMediationTeam()) {
            assertTrue(release.everConfirmed(), "the mediation team learned of an unconfirmed proposal");
        } else {
            assertTrue(world.who(to).sameSideAs(world.who(item.author())) && item.audience().contains(to),
                    "release update to someone outside the owning side's audience");
        }
    }

    private void checkReview(ParticipantId to, Event.CaucusReview review) {
        ModelWorld.CaucusRecord caucus = world.caucuses.get(review.caucusId());
        assertEquals(Role.PARTY, world.who(to).role(), "review sent to a non-party");
        assertTrue(caucus.members().contains(to) && !caucus.open(), "review of a caucus not theirs or open");
        for (ReviewEntry entry : review.items()) {
            ModelWorld.ItemRecord item = world.items.get(entry.itemId());
            assertEquals(Place.caucus(review.caucusId()), item.room());
            assertTrue(item.isOriginal() && item.audience().contains(to)
                    && world.who(to).sameSideAs(world.who(item.author())), "review lists an item not theirs");
            assertEquals(world.statusOf(item.id()), entry.status(), "review status");
        }
    }

    private boolean isInsider(ParticipantId to, CaucusId caucus) {
        return world.who(to).isOnMediationTeam() || world.caucuses.get(caucus).members().contains(to);
    }

    /** Every planted marker in the event must be one this recipient may see; cross-side leaks are named. */
    private void checkMarkers(ParticipantId to, Event event) {
        for (String marker : ModelWorld.markersIn(event.toString())) {
            ModelWorld.MarkerRecord record = world.markers.get(marker);
            if (record == null) {
                fail("unknown marker " + marker + " delivered to " + to);
            }
            if (!record.allowed().contains(to)) {
                Participant recipient = world.who(to);
                boolean crossSide = record.caucusOrigin() && record.originSide().isPresent()
                        && recipient.side().isPresent() && !recipient.side().equals(record.originSide());
                fail((crossSide ? "CROSS-SIDE LEAK: side " + record.originSide().get() + " caucus text reached "
                        : "text reached ") + to + " who was never in its audience: " + event.getClass()
                        .getSimpleName());
            }
        }
    }

    static void assertNoMarkers(String text, String where) {
        assertFalse(ModelWorld.MARKER.matcher(text).find(), "content leaked into " + where);
    }
}
