package org.parley.media.turn;

import java.util.List;

/** The ICE servers handed out with each media grant: fresh TURN credentials, or none when no TURN is configured. */
public interface IceServers {

    /** What one new grant's client should use for its peer connections; minted anew for every grant. */
    List<IceServer> forGrant();

    /** No TURN: browsers reach the media server directly (same network, or a media server with a public address). */
    IceServers NONE = List::of;
}
