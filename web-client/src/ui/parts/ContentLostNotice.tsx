// Said plainly, once the server has restarted mid-session: the earlier content is gone (see state/restart.ts).

import type { RoomState } from "../../state/room";
import { contentLostNotice } from "../../state/restart";

export function ContentLostNotice({ room }: { room: RoomState }) {
  const notice = contentLostNotice(room);
  if (notice === null) return null;
  return (
    <div class="content-lost-notice" role="status">
      {notice}
    </div>
  );
}
