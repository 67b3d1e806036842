package org.parley.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pins the refusal wire codes: clients and audit queries depend on them, so a change must break a test. */
class TicketRefusalTest {

    @Test
    void wireCodesAreStable() {
        Map<TicketRefusal, String> expected = new LinkedHashMap<>();
        expected.put(TicketRefusal.MISSING, "ticket_missing");
        expected.put(TicketRefusal.MALFORMED, "ticket_malformed");
        expected.put(TicketRefusal.ALG_NOT_ALLOWED, "ticket_alg_not_allowed");
        expected.put(TicketRefusal.EMBEDDED_KEY_REFUSED, "ticket_embedded_key_refused");
        expected.put(TicketRefusal.UNEXPECTED_HEADER, "ticket_unexpected_header");
        expected.put(TicketRefusal.WRONG_TYPE, "ticket_wrong_type");
        expected.put(TicketRefusal.UNKNOWN_KID, "ticket_unknown_kid");
        expected.put(TicketRefusal.BAD_SIGNATURE, "ticket_bad_signature");
        expected.put(TicketRefusal.WRONG_ISSUER, "ticket_wrong_issuer");
        expected.put(TicketRefusal.WRONG_AUDIENCE, "ticket_wrong_audience");
        expected.put(TicketRefusal.MISSING_EXP, "ticket_missing_exp");
        expected.put(TicketRefusal.LIFETIME_TOO_LONG, "ticket_lifetime_too_long");
        expected.put(TicketRefusal.EXPIRED, "ticket_expired");
        expected.put(TicketRefusal.NOT_YET_VALID, "ticket_not_yet_valid");
        expected.put(TicketRefusal.MISSING_CLAIM, "ticket_missing_claim");
        expected.put(TicketRefusal.WRONG_SESSION, "ticket_wrong_session");
        expected.put(TicketRefusal.REPLAYED, "ticket_replayed");

        Map<TicketRefusal, String> actual = Arrays.stream(TicketRefusal.values())
                .collect(Collectors.toMap(r -> r, TicketRefusal::code, (a, b) -> a, LinkedHashMap::new));

        assertEquals(expected, actual);
    }
}
