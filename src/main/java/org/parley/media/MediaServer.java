package org.parley.media;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The media server as Parley drives it (implemented over Janus's VideoRoom): private rooms that admit only the
 * tokens Parley allowed, with recording locked off. Every failure is a {@link MediaServerException}.
 */
public interface MediaServer {

    /** Creates a private room that needs an allowed token to publish and a private id to subscribe. */
    Uni<MediaRoom> createRoom(String roomKey);

    /** Lets a client holding this token join the room. */
    Uni<Void> allow(MediaRoom room, String token);

    /** Stops this token from joining again; whoever already joined with it stays until kicked. */
    Uni<Void> disallow(MediaRoom room, String token);

    /** Removes a participant (its publisher feed) from the room; false when it was not there. Not a ban. */
    Uni<Boolean> kick(MediaRoom room, long feed);

    /** The feeds of everyone joined to the room as a publisher. */
    Uni<List<Long>> participants(MediaRoom room);

    /** Destroys the room and everything joined to it; succeeds when the room is already gone. */
    Uni<Void> destroyRoom(MediaRoom room);
}
