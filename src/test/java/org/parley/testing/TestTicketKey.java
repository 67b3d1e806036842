package org.parley.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The room-ticket signing key of the server under test, known to the tests so that they can forge every kind of bad
 * ticket with a genuine signature. Test-only: production configures its own key.
 */
public class TestTicketKey implements QuarkusTestResourceLifecycleManager {

    public static final String KID = "test-2026";
    public static final String PRIVATE_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + KID + "\","
            + "\"d\":\"7T6ccRNfIUqfQ-lnZi3n3o_w4iLbPIQuNkRGviQZvqk\","
            + "\"x\":\"U9Paph6DfnZVGcVm-MrQnx2Xw47690O0lnDLxMNKR7A\","
            + "\"y\":\"qu4Am9l6EvjcOnl8TGxaft50GfyHDGPxnaMgnrBDFow\"}";

    @Override
    public Map<String, String> start() {
        return Map.of("parley.ticket.signing-key", PRIVATE_JWK);
    }

    @Override
    public void stop() {
        // Nothing to stop.
    }
}
