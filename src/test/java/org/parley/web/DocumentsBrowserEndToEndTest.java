package org.parley.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.DemoProfile;

/**
 * Runs web-client/e2e/documents.mjs in real headless Chromium against this real server: party A shares a PDF in
 * caucus, party B sees nothing of it, party A releases it, the mediator conveys it, party B views it inline
 * (rendered by pdf.js), and the caucus review lists it. Screenshots of each step go to
 * target/e2e-documents-screenshots.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DocumentsBrowserEndToEndTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aCaucusPdfReleasedAndConveyedIsViewedInlineByTheOtherSide() throws Exception {
        BrowserScenario.run(server, "e2e-documents", Map.of("PARLEY_E2E_SCRIPT", "e2e/documents.mjs"));
    }
}
