package org.parley.room.ws;

import java.util.Locale;
import org.parley.room.PlaceCodec;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.room.domain.CaucusId;
import org.parley.room.domain.Decision;
import org.parley.room.domain.ErrorCode;
import org.parley.room.domain.ExceptionCategory;
import org.parley.room.domain.ItemId;
import org.parley.room.domain.LiveSession;
import org.parley.room.domain.MediaState;
import org.parley.room.domain.ParticipantId;
import org.parley.room.domain.Place;
import org.parley.room.domain.ReleaseId;
import org.parley.room.domain.ReleaseScope;
import org.parley.room.domain.ReleaseTerms;
import org.parley.room.domain.SeenPlace;
import org.parley.room.domain.Side;

/**
 * Applies one decoded client frame to the live session on behalf of the verified sender; the only place where
 * frames meet the domain.
 */
public final class CommandDispatcher {

    private CommandDispatcher() {
    }

    public static Decision dispatch(LiveSession session, ParticipantId actor, ClientFrame frame) {
        if (frame instanceof ClientFrame.Start) {
            return session.startSession(actor);
        } else if (frame instanceof ClientFrame.End) {
            return session.endSession(actor);
        } else if (frame instanceof ClientFrame.Admit admit) {
            return session.admit(actor, ParticipantId.of(admit.participant()));
        } else if (frame instanceof ClientFrame.OpenCaucus open) {
            if (open.side() != null) {
                return session.openSideCaucus(actor, Side.of(open.side()));
            }
            Set<ParticipantId> members = open.members().stream().map(ParticipantId::of).collect(Collectors.toSet());
            return session.openAdHocCaucus(actor, members);
        } else if (frame instanceof ClientFrame.CloseCaucus close) {
            return session.closeCaucus(actor, new CaucusId(close.caucus()));
        } else if (frame instanceof ClientFrame.Move move) {
            return withPlace(move.to(), place -> session.move(actor, ParticipantId.of(move.participant()), place));
        } else if (frame instanceof ClientFrame.MoveSide move) {
            return withPlace(move.to(), place -> session.moveSide(actor, Side.of(move.side()), place));
        } else if (frame instanceof ClientFrame.SendToLobby send) {
            return session.sendToLobby(actor, ParticipantId.of(send.participant()));
        } else if (frame instanceof ClientFrame.GoTo go) {
            return withPlace(go.to(), place -> session.goTo(actor, place));
        } else if (frame instanceof ClientFrame.Message message) {
            return withSeenPlace(message, seen -> session.postMessage(actor, seen, message.text()));
        } else if (frame instanceof ClientFrame.Typing typing) {
            return withSeenPlace(typing, seen -> session.typing(actor, seen, typing.typing()));
        } else if (frame instanceof ClientFrame.Leave) {
            return session.leave(actor);
        } else if (frame instanceof ClientFrame.Release release) {
            return withTerms(release.item(), release.scope(), release.wording(), terms -> session.release(actor, terms));
        } else if (frame instanceof ClientFrame.ProposeRelease propose) {
            return withTerms(propose.item(), propose.scope(), propose.wording(),
                    terms -> session.proposeRelease(actor, terms));
        } else if (frame instanceof ClientFrame.ConfirmRelease confirm) {
            return session.confirmRelease(actor, new ReleaseId(confirm.release()));
        } else if (frame instanceof ClientFrame.WithdrawRelease withdraw) {
            return session.withdrawRelease(actor, new ReleaseId(withdraw.release()));
        } else if (frame instanceof ClientFrame.Convey convey) {
            return withSeenPlace(convey, seen -> session.convey(actor, seen, new ReleaseId(convey.release())));
        } else if (frame instanceof ClientFrame.ConveyItem convey) {
            return withSeenPlace(convey, seen -> session.conveyItem(actor, seen, new ItemId(convey.item())));
        } else if (frame instanceof ClientFrame.InvokeException invoke) {
            return ExceptionCategory.fromWire(invoke.category())
                    .map(category -> session.invokeException(actor, new ItemId(invoke.item()), category))
                    .orElseGet(() -> Decision.refused(ErrorCode.INVALID_REQUEST,
                            "category is threat_of_bodily_harm, abuse_or_neglect or crime_planning"));
        } else if (frame instanceof ClientFrame.ExportException export) {
            return session.exportException(actor, new ItemId(export.item()));
        } else if (frame instanceof ClientFrame.ConfirmReview review) {
            return session.confirmCaucusReview(actor, new CaucusId(review.caucus()));
        } else if (frame instanceof ClientFrame.DisputeReview dispute) {
            return session.disputeCaucusReview(actor, new CaucusId(dispute.caucus()),
                    dispute.item() == null ? null : new ItemId(dispute.item()), dispute.note());
        } else if (frame instanceof ClientFrame.RequestReattestation request) {
            return session.requestReattestation(actor, Optional.ofNullable(request.participant()).map(ParticipantId::of));
        } else if (frame instanceof ClientFrame.PrivacyAlert) {
            return session.reportPrivacyBreach(actor);
        } else if (frame instanceof ClientFrame.Knock) {
            return session.knock(actor);
        } else if (frame instanceof ClientFrame.RaiseHand) {
            return session.raiseHand(actor);
        } else if (frame instanceof ClientFrame.LowerHand lower) {
            return lower.participant() == null ? session.lowerHand(actor)
                    : session.lowerHand(actor, ParticipantId.of(lower.participant()));
        } else if (frame instanceof ClientFrame.LobbyMessage notice) {
            return session.tellLobby(actor, notice.text());
        } else if (frame instanceof ClientFrame.SettlementEdit edit) {
            return session.editSettlement(actor, edit.text());
        } else if (frame instanceof ClientFrame.SettlementScribe scribe) {
            return session.nameSettlementScribe(actor, Optional.ofNullable(scribe.participant()).map(ParticipantId::of));
        } else if (frame instanceof ClientFrame.SettlementComment comment) {
            return session.commentOnSettlement(actor, comment.text());
        } else if (frame instanceof ClientFrame.MediaStateReport report) {
            return session.reportMediaState(actor, new MediaState(report.audio(), report.video(), report.screen()));
        }
        return Decision.refused(ErrorCode.UNKNOWN_TYPE, "unknown frame type");
    }

    private static Decision withPlace(String wire, Function<Place, Decision> command) {
        return PlaceCodec.parse(wire).map(command)
                .orElseGet(() -> Decision.refused(ErrorCode.INVALID_REQUEST, "a place is lobby, joint or caucus:<id>"));
    }

    private static Decision withSeenPlace(ClientFrame.RoomScoped frame, Function<SeenPlace, Decision> command) {
        Long placement = frame.placement();
        return withPlace(frame.place(), place -> command.apply(placement == null
                ? SeenPlace.of(place) : SeenPlace.of(place, placement)));
    }

    private static Decision withTerms(String item, String scope, String wording, Function<ReleaseTerms, Decision> command) {
        Optional<ReleaseScope> parsed = parseScope(scope);
        if (parsed.isEmpty()) {
            return Decision.refused(ErrorCode.INVALID_REQUEST,
                    "scope is joint_verbatim, joint_convey or other_side_convey");
        }
        return command.apply(new ReleaseTerms(new ItemId(item), parsed.get(), Optional.ofNullable(wording),
                Optional.empty()));
    }

    private static Optional<ReleaseScope> parseScope(String wire) {
        for (ReleaseScope scope : ReleaseScope.values()) {
            if (scope.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
