package org.parley.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.parley.room.PlaceCodec;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Fact;
import org.parley.room.domain.Lobby;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.Side;

/**
 * Turns a live session's facts into audit entries: actors and targets are participant ids, places are wire names
 * ({@code lobby}, {@code joint}, {@code caucus:<id>}), releases are named by id. Posted items are not audited:
 * they are the conversation itself, and their metadata would only trace its rhythm.
 */
public final class AuditFacts {

    /** The actor of what the server does by itself, such as ending an idle session. */
    public static final String SERVER_ACTOR = AuditEntry.SYSTEM_ACTOR_PREFIX + "session";


    private AuditFacts() {
    }

    /** The audit entries for one decision's facts, in the facts' order. */
    public static List<AuditEntry> entries(UUID caseId, String courtId, UUID sessionId, List<Fact> facts) {
        List<AuditEntry> entries = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            AuditEntry entry = entry(new Where(caseId, courtId, sessionId), fact);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return List.copyOf(entries);
    }

    private record Where(UUID caseId, String courtId, UUID sessionId) {
        AuditEntry ok(ParticipantId actor, String kind, String room, String target) {
            return AuditEntry.ok(actor.value(), kind, courtId, caseId, sessionId, room, target);
        }
    }

    private static AuditEntry entry(Where where, Fact fact) {
        if (fact instanceof Fact.SessionStarted started) {
            return where.ok(started.by(), AuditKinds.SESSION_STARTED, null, null);
        } else if (fact instanceof Fact.SessionEnded ended) {
            // The server ends a session by itself when it sat idle or ran too long: the reason is the target.
            return ended.by() == null
                    ? AuditEntry.ok(SERVER_ACTOR, AuditKinds.SESSION_ENDED, where.courtId(), where.caseId(),
                            where.sessionId(), null, ended.reason().wireCode())
                    : where.ok(ended.by(), AuditKinds.SESSION_ENDED, null, null);
        } else if (fact instanceof Fact.ParticipantConnected connected) {
            return where.ok(connected.participant(),
                    connected.resumed() ? AuditKinds.RECONNECTED : AuditKinds.CONNECTED, place(connected.place()),
                    null);
        } else if (fact instanceof Fact.ParticipantDisconnected disconnected) {
            return where.ok(disconnected.participant(), AuditKinds.DISCONNECTED, place(disconnected.place()), null);
        } else if (fact instanceof Fact.ParticipantLeft left) {
            return where.ok(left.participant(), AuditKinds.LEFT, place(left.from()), null);
        } else if (fact instanceof Fact.ParticipantMoved moved) {
            // Leaving the lobby for a room is an admission; the room named is always the destination.
            String kind = moved.from() instanceof Lobby && !(moved.to() instanceof Lobby)
                    && !moved.by().equals(moved.participant()) ? AuditKinds.ADMISSION : AuditKinds.MOVE;
            return where.ok(moved.by(), kind, place(moved.to()), moved.participant().value());
        } else if (fact instanceof Fact.CaucusOpened opened) {
            return where.ok(opened.by(), AuditKinds.CAUCUS_OPENED, caucus(opened.caucusId()),
                    opened.forSide().map(Side::name).map(side -> "side:" + side).orElse(null));
        } else if (fact instanceof Fact.CaucusClosed closed) {
            return where.ok(closed.by(), AuditKinds.CAUCUS_CLOSED, caucus(closed.caucusId()), null);
        } else if (fact instanceof Fact.ItemPosted) {
            return null;
        } else if (fact instanceof Fact.ReleaseProposed proposed) {
            return where.ok(proposed.proposedBy(), AuditKinds.RELEASE_PROPOSED, null, proposed.releaseId().value());
        } else if (fact instanceof Fact.ReleaseRecorded recorded) {
            // The party whose confirmation made the release take effect is the one accountable for it.
            return where.ok(recorded.confirmedBy(), AuditKinds.RELEASE, null, recorded.releaseId().value());
        } else if (fact instanceof Fact.ReleaseWithdrawn withdrawn) {
            return where.ok(withdrawn.by(), AuditKinds.RELEASE_WITHDRAWN, null, withdrawn.releaseId().value());
        } else if (fact instanceof Fact.ReleaseConveyed conveyed) {
            return where.ok(conveyed.by(), AuditKinds.CONVEY, place(conveyed.room()), conveyed.releaseId().value());
        } else if (fact instanceof Fact.ItemConveyedOpenly conveyed) {
            return where.ok(conveyed.by(), AuditKinds.CONVEY_OPEN_CAUCUS, place(conveyed.room()),
                    conveyed.itemId().value());
        } else if (fact instanceof Fact.ExceptionInvoked invoked) {
            return where.ok(invoked.by(), AuditKinds.exceptionInvoked(invoked.category()), place(invoked.room()),
                    invoked.itemId().value());
        } else if (fact instanceof Fact.ExceptionItemExported exported) {
            return where.ok(exported.by(), AuditKinds.EXCEPTION_EXPORTED, null, exported.itemId().value());
        } else if (fact instanceof Fact.SettlementSigned signed) {
            // The capacity is the target: a party's signature binds, counsel's and the mediator's witness.
            return where.ok(signed.participant(), AuditKinds.SETTLEMENT_SIGNED, "joint",
                    signed.role().name().toLowerCase(java.util.Locale.ROOT));
        } else if (fact instanceof Fact.SettlementCompleted completed) {
            return AuditEntry.ok(SERVER_ACTOR, AuditKinds.SETTLEMENT_COMPLETED, where.courtId(), where.caseId(),
                    where.sessionId(), "joint", completed.filed() ? "filed" : "not_filed");
        } else if (fact instanceof Fact.CaucusReviewConfirmed confirmed) {
            return where.ok(confirmed.participant(), AuditKinds.CAUCUS_REVIEW_CONFIRMED,
                    caucus(confirmed.caucusId()), null);
        } else if (fact instanceof Fact.CaucusReviewDisputed disputed) {
            return where.ok(disputed.participant(), AuditKinds.CAUCUS_REVIEW_DISPUTED,
                    caucus(disputed.caucusId()), disputed.itemId().map(item -> item.value()).orElse(null));
        } else if (fact instanceof Fact.ConsentChanged consent) {
            return where.ok(consent.party(), consent.consented() ? AuditKinds.CONSENT : AuditKinds.CONSENT_WITHDRAWN,
                    null, consent.thirdParty().value());
        } else if (fact instanceof Fact.ReattestationRequested request) {
            return where.ok(request.by(), AuditKinds.REATTESTATION_REQUESTED, null, request.participant().value());
        } else if (fact instanceof Fact.PrivacyAlertRaised alert) {
            return where.ok(alert.participant(), AuditKinds.PRIVACY_ALERT, null, null);
        }
        // A new kind of fact must be mapped here (or skipped explicitly); AuditFactsTest walks every permitted one.
        throw new IllegalArgumentException("no audit entry for " + fact.getClass().getSimpleName());
    }

    private static String place(Place place) {
        return PlaceCodec.format(place);
    }

    private static String caucus(CaucusId caucusId) {
        return PlaceCodec.format(Place.caucus(caucusId));
    }
}
