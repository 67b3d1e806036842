package org.parley.outcome.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.parley.outcome.Settlement;
import org.parley.outcome.service.OutcomeService;
import org.parley.platform.problem.ApiException;

/** Plain JUnit: the strict decoder needs no server. */
class OutcomeBodyReaderTest {

    private static final String PARTICIPANT = "7d7f0c9e-2f41-4c55-9d43-3d3f8c1f0a11";

    @Test
    void readsExactlyTheFourFields() {
        OutcomeService.Recording recording = OutcomeBodyReader.read("{\"held\":true,\"ended\":false,"
                + "\"settlement\":\"not_applicable\",\"attendance\":[{\"participant\":\"" + PARTICIPANT
                + "\",\"attended\":true}]}");

        assertTrue(recording.held());
        assertFalse(recording.ended());
        assertEquals(Settlement.NOT_APPLICABLE, recording.settlement());
        assertEquals(List.of(new OutcomeService.Mark(UUID.fromString(PARTICIPANT), true)), recording.attendance());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[],\"notes\":\"x\"}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[{\"participant\":\"" + PARTICIPANT
                + "\",\"attended\":true,\"remark\":\"x\"}]}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\"}",
        "{\"held\":true,\"ended\":true,\"attendance\":[]}",
        "{\"held\":null,\"ended\":true,\"settlement\":\"full\",\"attendance\":[]}",
        "{\"held\":\"true\",\"ended\":true,\"settlement\":\"full\",\"attendance\":[]}",
        "{\"held\":1,\"ended\":true,\"settlement\":\"full\",\"attendance\":[]}",
        "{\"held\":true,\"held\":false,\"ended\":true,\"settlement\":\"full\",\"attendance\":[]}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"FULL\",\"attendance\":[]}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[null]}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[{\"participant\":\"nope\","
                + "\"attended\":true}]}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[{\"attended\":true}]}",
        "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[]} {}",
        "[]",
        "null",
        "",
        "{"
    })
    void refusesAnythingElseWithoutEchoingIt(String body) {
        ApiException refused = assertThrows(ApiException.class, () -> OutcomeBodyReader.read(body));
        assertEquals(400, refused.status());
        assertEquals("invalid_request", refused.code());
        assertFalse(refused.getMessage().contains("\"x\""));
    }

    @Test
    void refusesAnOversizedBody() {
        String padding = " ".repeat(OutcomeBodyReader.MAX_BODY_CHARS);
        assertThrows(ApiException.class, () -> OutcomeBodyReader.read(
                "{\"held\":true,\"ended\":true,\"settlement\":\"full\",\"attendance\":[]}" + padding));
    }
}
