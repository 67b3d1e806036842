package org.parley.bench.load;

/** How one server's frames carry a payload: B0 sends it as the frame itself, Parley inside its JSON frames. */
public interface Wire {

    /** The frame {@code member} sends to say {@code text} in its room. */
    String messageFrame(Member member, String text);

    /**
     * Reads a frame {@code member} received: answers the payload text it carries, or null for any other frame
     * (after taking from it what the member must know, such as a new placement).
     */
    String payloadOf(Member member, String frame);
}
