package org.parley.room.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void wireCodesAreStableLowerSnakeCase() {
        Map<ErrorCode, String> expected = Map.ofEntries(
                Map.entry(ErrorCode.FORBIDDEN, "forbidden"),
                Map.entry(ErrorCode.NOT_IN_ROOM, "not_in_room"),
                Map.entry(ErrorCode.NOT_RELEASED, "not_released"),
                Map.entry(ErrorCode.NO_SUCH_ITEM, "no_such_item"),
                Map.entry(ErrorCode.SESSION_ENDED, "session_ended"),
                Map.entry(ErrorCode.ALREADY_STARTED, "already_started"),
                Map.entry(ErrorCode.NOT_STARTED, "not_started"),
                Map.entry(ErrorCode.NO_SUCH_PARTICIPANT, "no_such_participant"),
                Map.entry(ErrorCode.NO_SUCH_CAUCUS, "no_such_caucus"),
                Map.entry(ErrorCode.ALREADY_USED, "already_used"),
                Map.entry(ErrorCode.INVALID_REQUEST, "invalid_request"),
                Map.entry(ErrorCode.CONSENT_REQUIRED, "consent_required"),
                Map.entry(ErrorCode.ATTESTATION_REQUIRED, "attestation_required"),
                Map.entry(ErrorCode.MOVED, "moved"),
                Map.entry(ErrorCode.EXCEPTION_NOT_INVOKED, "exception_not_invoked"),
                Map.entry(ErrorCode.NO_MEDIA, "no_media"),
                Map.entry(ErrorCode.RATE_LIMITED, "rate_limited"),
                Map.entry(ErrorCode.WORDING_LOST, "wording_lost"),
                Map.entry(ErrorCode.TRY_AGAIN, "try_again"),
                Map.entry(ErrorCode.SETTLEMENT_LOCKED, "settlement_locked"),
                Map.entry(ErrorCode.SETTLEMENT_COMPLETE, "settlement_complete"),
                Map.entry(ErrorCode.ALREADY_SIGNED, "already_signed"),
                Map.entry(ErrorCode.DRAFT_CHANGED, "draft_changed"),
                Map.entry(ErrorCode.NAME_MISMATCH, "name_mismatch"),
                Map.entry(ErrorCode.BAD_FRAME, "bad_frame"),
                Map.entry(ErrorCode.UNKNOWN_TYPE, "unknown_type"),
                Map.entry(ErrorCode.TOO_LARGE, "too_large"));

        assertEquals(expected, Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(code -> code, ErrorCode::wireCode)));
        Arrays.stream(ErrorCode.values()).forEach(code -> assertTrue(code.wireCode().matches("[a-z]+(_[a-z]+)*")));
    }
}
