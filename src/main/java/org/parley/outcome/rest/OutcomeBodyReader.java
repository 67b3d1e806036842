package org.parley.outcome.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.UUID;
import org.parley.outcome.Settlement;
import org.parley.outcome.service.OutcomeService;
import org.parley.platform.problem.ApiException;

/**
 * Decodes an outcome report strictly: exactly {@code held}, {@code ended}, {@code settlement} and {@code attendance},
 * so that no assessment or remark can reach the court through an extra property (UMA §7).
 */
final class OutcomeBodyReader {

    static final int MAX_BODY_CHARS = 64 * 1024;

    // A reader of its own: Quarkus' shared mapper ignores unknown properties (quarkus.jackson.fail-on-unknown-properties
    // is false by default), and @JsonIgnoreProperties(ignoreUnknown = false) does not override that mapper feature.
    private static final ObjectReader STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build()
            .readerFor(OutcomeBody.class);

    private OutcomeBodyReader() {
    }

    /** The wire shape; every property is required. */
    record OutcomeBody(Boolean held, Boolean ended, String settlement, List<AttendanceBody> attendance) {
    }

    /** One attendance line on the wire. */
    record AttendanceBody(UUID participant, Boolean attended) {
    }

    static OutcomeService.Recording read(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw invalid();
        }
        OutcomeBody decoded;
        try {
            decoded = STRICT.readValue(body);
        } catch (JsonProcessingException e) {
            throw invalid(); // the parser's message may quote the body: never echo it
        }
        if (decoded == null || decoded.held() == null || decoded.ended() == null || decoded.attendance() == null
                || decoded.attendance().stream().anyMatch(line -> line == null || line.participant() == null
                        || line.attended() == null)) {
            throw invalid();
        }
        Settlement settlement = Settlement.fromWire(decoded.settlement()).orElseThrow(OutcomeBodyReader::invalid);
        List<OutcomeService.Mark> attendance = decoded.attendance().stream()
                .map(line -> new OutcomeService.Mark(line.participant(), line.attended()))
                .toList();
        return new OutcomeService.Recording(decoded.held(), decoded.ended(), settlement,
                attendance);
    }

    private static ApiException invalid() {
        return ApiException.invalid("the outcome must be exactly {held: boolean, ended: boolean, settlement: "
                + "full|partial|none|not_applicable, attendance: [{participant: uuid, attended: boolean}]}");
    }
}
