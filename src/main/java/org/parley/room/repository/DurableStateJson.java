package org.parley.room.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.room.domain.DurableState;

/**
 * Writes a live session's {@link DurableState} as the JSON stored in {@code live_session_state}, and reads it back.
 * A plain object over its own mapper, so that the round trip is tested without the framework.
 */
public final class DurableStateJson {

    // Its own mapper: the stored shape must not change with the settings of the application's wire mapper.
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public String write(DurableState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            // Only strings, numbers and lists: this cannot fail for a well-formed record.
            throw new IllegalStateException("durable state not writable", e);
        }
    }

    /** Reads a stored state; a row that is not one (of this shape) fails rather than being half read. */
    public DurableState read(String json) {
        try {
            return mapper.readValue(json, DurableState.class);
        } catch (JsonProcessingException e) {
            // The exception text could quote the row; its type is enough to say what went wrong.
            throw new IllegalStateException("stored durable state unreadable: " + e.getClass().getSimpleName());
        }
    }
}
