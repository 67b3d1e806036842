package org.parley.media;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.parley.room.domain.MediaChange;
import org.parley.room.domain.SessionId;

/** Media off: nothing is ever granted, so every revocation is trivially confirmed. */
public final class NoMediaGrants implements MediaGrants {

    @Override
    public Uni<List<MediaChange.Revoke>> revoke(SessionId session, List<MediaChange.Revoke> revokes) {
        return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<List<MediaPass>> apply(SessionId session, List<MediaChange> changes) {
        return Uni.createFrom().item(List.of());
    }
}
