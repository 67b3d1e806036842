// A live session as a party or counsel sees it: the lobby, the joint room, or its side's caucus, which look
// different at a glance. The mediator gets the console instead.

import { ContentLostNotice } from "../parts/ContentLostNotice";
import { releaseWordingShown } from "../../state/restart";
import { useEffect, useState } from "preact/hooks";
import type { AppState, SessionRef } from "../../app/state";
import type { Item } from "../../protocol/frames";
import type { RoomState } from "../../state/room";
import { roomKey } from "../../state/room";
import {
  canRelease,
  currentItems,
  itemById,
  myRole,
  onMediationTeam,
  nameOf,
  owedReviews,
  pendingProposals,
  placeLabel,
  releaseOfItem,
  releaseStatusLabel,
  scopeLabel,
} from "../../state/views";
import { scopeChoices } from "../../state/release";
import { lobbyStatus } from "../../state/lobby";
import { ViewerContext, useController, useNow } from "../hooks";
import { ConnectionBanner } from "../parts/ConnectionBanner";
import { AttentionBanner } from "../parts/AttentionBanner";
import { OverheardButton } from "../parts/OverheardButton";
import { AloneNotice } from "../parts/AloneNotice";
import { PrivateAgain } from "../parts/PrivateAgain";
import { MediaPanel } from "../parts/MediaPanel";
import { ReleaseDialog } from "../parts/ReleaseDialog";
import { ReviewDialog } from "../parts/ReviewDialog";
import { ShareDocument } from "../parts/Documents";
import { RoomErrors } from "../parts/RoomErrors";
import { Composer, ReturnedNotice, Transcript } from "../parts/Transcript";
import { Watermark } from "../parts/Watermark";
import { CaucusBanner } from "../parts/CaucusBanner";
import { ExceptionNotices } from "../parts/Exceptions";
import { WhoIsWhere } from "../parts/WhoIsWhere";
import { SettlementPanel } from "../parts/Settlement";
import { MediatorConsole } from "./MediatorConsole";
import { MoveAnnouncer } from "../parts/MoveAnnouncer";
import { RaiseHandButton, RaisedHandsList } from "../parts/RaiseHand";

export const CAUCUS_BANNER = "Caucus — only the mediator and your side see this";
export const JOINT_BANNER = "Joint room — everyone in the room sees what is said here";

export function Room({ state, session }: { state: AppState; session: SessionRef }) {
  const controller = useController();
  const room = state.room;
  const live = room.connection.state !== "closed";
  // Closing the tab leaves the room (a reload comes straight back, but a closed tab does not): ask first.
  useEffect(() => {
    if (!live) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [live]);
  // The network is back: try at once rather than wait out the backoff.
  const reconnecting = room.connection.state === "reconnecting";
  useEffect(() => {
    if (!reconnecting) return;
    const retry = () => controller.retryConnection();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [reconnecting]);
  // The browser knows the network is gone before the socket does: say so at once.
  useEffect(() => {
    const lost = () => controller.networkLost();
    window.addEventListener("offline", lost);
    return () => window.removeEventListener("offline", lost);
  }, []);
  const role = myRole(room);
  const viewer = state.me?.displayName ?? "";
  return (
    <ViewerContext.Provider value={viewer}>
      <div class="room-shell">
        <ConnectionBanner
          status={room.connection}
          onRetry={() => controller.retryConnection()}
          onBack={() => controller.closeRoom()}
          onReattest={() => controller.prepareJoin(session)}
        />
        <ContentLostNotice room={room} />
        <MoveAnnouncer room={room} />
        {/* The mediator's notices are in the console's alerts region, each until it is handled. */}
        {!onMediationTeam(role) && (
          <AttentionBanner
            room={room}
            nameOf={(participant) => nameOf(room, participant)}
            onReattest={() => void controller.reattest(session)}
          />
        )}
        {room.place && role && <MediaPanel media={controller.media()} room={room} />}
        {!room.place || !role ? (
          <section class="panel narrow">
            <h1>{session.caseTitle}</h1>
            <p class="muted">Joining the session…</p>
          </section>
        ) : onMediationTeam(role) ? (
          <MediatorConsole room={room} session={session} />
        ) : (
          <ParticipantRoom room={room} session={session} />
        )}
        <Watermark name={viewer} />
      </div>
    </ViewerContext.Provider>
  );
}

export function RoomHeader({ title, session, children }: { title: string; session: SessionRef; children?: unknown }) {
  const controller = useController();
  return (
    <header class="room-header">
      <div class="room-title">
        <h1>{title}</h1>
        <p class="small">
          {session.caseTitle} <span class="muted">({session.caseReference})</span>
        </p>
      </div>
      <div class="room-actions">
        {children as never}
        <button type="button" onClick={() => controller.leaveRoom()}>
          Leave session
        </button>
        <button type="button" class="link" onClick={() => controller.signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function ParticipantRoom({ room, session }: { room: RoomState; session: SessionRef }) {
  const controller = useController();
  const place = room.place!;
  const role = myRole(room)!;
  const [releasing, setReleasing] = useState<Item | null>(null);
  const [reviewLater, setReviewLater] = useState<string | null>(null);
  const reviews = owedReviews(room);
  const review = reviews.find((r) => r.caucus !== reviewLater);
  const kind = place.kind === "caucus" ? "caucus" : place.kind === "joint" ? "joint" : "lobby";
  const proposals = role === "party" ? pendingProposals(room) : [];

  const extras = (item: Item) => {
    if (kind !== "caucus" || !canRelease(room, item)) return null;
    const release = releaseOfItem(room, item.id);
    const open = release && (release.status === "pending" || release.status === "released");
    return (
      <div class="item-release">
        <span class={`badge badge-${release?.status ?? "confidential"}`}>{releaseStatusLabel(release, role)}</span>
        {release?.status === "pending" && role === "party" && (
          <>
            <button type="button" onClick={() => controller.send({ type: "confirm_release", release: release.release })}>
              Confirm release
            </button>
            <button
              type="button"
              class="link"
              onClick={() => controller.send({ type: "withdraw_release", release: release.release })}
            >
              Decline
            </button>
          </>
        )}
        {release?.status !== "conveyed" && (
          <button type="button" aria-haspopup="dialog" onClick={() => setReleasing(item)}>
            {open ? "Release options…" : role === "counsel" ? "Propose release…" : "Release…"}
          </button>
        )}
      </div>
    );
  };

  return (
    <div class={`room place-${kind}`}>
      {/* Where you are and "I can be overheard" stay in view however long the conversation (sticky on phones). */}
      <div class="room-top">
        <RoomHeader title={placeLabel(place, room.caucuses)} session={session}>
          {reviews.length > 0 && review === undefined && (
            <button type="button" onClick={() => setReviewLater(null)}>
              Caucus review waiting
            </button>
          )}
          <RaiseHandButton room={room} />
          <OverheardButton />
        </RoomHeader>
        {kind === "caucus" && <CaucusBanner who={CAUCUS_BANNER} session={session} />}
        {kind === "joint" && (
          <div class="joint-banner" role="note">
            {JOINT_BANNER}
          </div>
        )}
      </div>
      <ExceptionNotices room={room} />
      <RoomErrors errors={room.errors} onDismiss={(index) => controller.dismissRoomError(index)} />
      <div class="room-body">
        <div class="room-talk">
          {kind === "lobby" ? (
            <section class="lobby-wait" aria-live="polite">
              <PrivateAgain room={room} session={session} />
              <LobbyWait room={room} />
              <p>
                {room.phase === "not_started"
                  ? "The mediator has not started the session yet. Please stay on this page."
                  : "You are in the lobby. Nobody can hear you here, and you cannot hear the rooms."}
              </p>
              <ReturnedNotice room={room} onDiscard={() => controller.discardReturnedMessage()} />
            </section>
          ) : (
            <>
              <Transcript
                state={room}
                items={currentItems(room)}
                label={kind === "caucus" ? "Caucus messages" : "Joint room messages"}
                empty={
                  kind === "caucus"
                    ? "Nothing has been said in this caucus since you came in."
                    : "Nothing has been said in the joint room since you came in."
                }
                extras={extras}
              />
              <AloneNotice room={room} />
              <Composer
                key={roomKey(place) ?? "none"}
                room={room}
                label={kind === "caucus" ? "Message to your caucus" : "Message to the joint room"}
                disabled={room.connection.state !== "open" || room.phase !== "live"}
              />
              <ShareDocument
                key={`share-${roomKey(place) ?? "none"}`}
                room={room}
                disabled={room.connection.state !== "open" || room.phase !== "live"}
              />
            </>
          )}
        </div>
        <aside class="room-side">
          {proposals.length > 0 && (
            <section class="side-panel proposals" aria-labelledby="proposals-title">
              <h2 id="proposals-title">Releases proposed by your counsel</h2>
              <ul class="plain">
                {proposals.map((release) => (
                  <li key={release.release}>
                    <p class="text">“{release.wording}”</p>
                    <p class="small muted">{scopeLabel(release.scope)}</p>
                    <button
                      type="button"
                      onClick={() => controller.send({ type: "confirm_release", release: release.release })}
                    >
                      Confirm release
                    </button>{" "}
                    <button
                      type="button"
                      class="link"
                      onClick={() => controller.send({ type: "withdraw_release", release: release.release })}
                    >
                      Decline
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <RaisedHandsList room={room} withPlace={false} />
          <WhoIsWhere room={room} />
          <MyReleases room={room} role={role} />
          {kind === "joint" && <SettlementPanel room={room} />}
        </aside>
      </div>
      {releasing && (
        <ReleaseDialog
          item={releasing}
          role={role}
          choices={scopeChoices(room)}
          open={(() => {
            const release = releaseOfItem(room, releasing.id);
            return release && (release.status === "pending" || release.status === "released") ? release : undefined;
          })()}
          onClose={() => setReleasing(null)}
        />
      )}
      {review && <ReviewDialog state={room} review={review} onLater={() => setReviewLater(review.caucus)} />}
    </div>
  );
}

/** Who waits for what, for how long, and where in the queue; redrawn twice a minute. */
function LobbyWait({ room }: { room: RoomState }) {
  const now = useNow(30000);
  const status = lobbyStatus(room, now);
  return (
    <>
      <h2>{status.heading}</h2>
      {/* Not read out every minute: the wait is there to look at. */}
      {status.wait && (
        <p class="lobby-wait-time" aria-live="off">
          {status.wait}
        </p>
      )}
      {room.lobbyMessages.length > 0 && (
        <ul class="plain lobby-messages" aria-label="Messages from the mediator">
          {room.lobbyMessages.map((m, index) => (
            <li key={index}>
              <strong>The mediator, {new Date(m.at).toLocaleTimeString()}:</strong> {m.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The side's releases and what became of them (from release_updated frames). */
function MyReleases({ room, role }: { room: RoomState; role: string }) {
  const controller = useController();
  const releases = Object.values(room.releases);
  if (releases.length === 0) return null;
  return (
    <section class="side-panel" aria-labelledby="my-releases-title">
      <h2 id="my-releases-title">Your side's releases</h2>
      <ul class="plain releases">
        {releases.map((release) => (
          <li key={release.release} data-release={release.release}>
            <p class="text">{releaseWordingShown(release)}</p>
            <span class={`badge badge-${release.status}`}>
              {releaseStatusLabel(release, role === "party" ? "party" : "counsel")}
            </span>
            {!itemById(room, release.item) && <span class="muted small"> (item said before you came in)</span>}
            {role === "party" && release.status === "released" && (
              <button
                type="button"
                class="link"
                onClick={() => controller.send({ type: "withdraw_release", release: release.release })}
              >
                Withdraw
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
