package org.parley.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh case in court-north with a mediator, side A (party and counsel) and side B (a party), one scheduled
 * session, and real Keycloak users behind every role.
 */
public final class MediationFixture {

    public static final String ORIGIN = "http://localhost:8081";

    public final String caseId;
    public final String sessionId;
    private final URI server;
    private final Map<String, String> participantIds = new HashMap<>();

    private MediationFixture(URI server) {
        this(server, true, true, "release_required");
    }

    /**
     * {@code disclosed}: the mediator records "none known" and both parties acknowledge it, as every party must
     * before attesting; {@code ready}: everyone also accepts the agreement and attests for the session.
     */
    private MediationFixture(URI server, boolean ready, boolean disclosed, String caucusPolicy) {
        this(server, ready, disclosed, caucusPolicy, false);
    }

    /** As above; {@code withCoMediator}: {@value #CO_MEDIATOR} is invited as the case's co-mediator too. */
    private MediationFixture(URI server, boolean ready, boolean disclosed, String caucusPolicy,
                             boolean withCoMediator) {
        this.server = server;
        this.caseId = given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON)
                .body(Map.of("reference", "R-" + UUID.randomUUID(), "title", "Smith v. Jones",
                        "caucusPolicy", caucusPolicy))
                .when().post("/api/cases").then().statusCode(201).extract().path("id");
        invite("mediator.north", "mediator", null);
        invite("party.a", "party", "A");
        invite("counsel.a", "counsel", "A");
        invite("party.b", "party", "B");
        if (withCoMediator) {
            invite(CO_MEDIATOR, "co_mediator", null);
        }
        // Each person signs in once, which links their Keycloak account to the invitation.
        for (String username : participantIds.keySet()) {
            given().auth().oauth2(token(username)).when().get("/api/cases").then().statusCode(200);
        }
        this.sessionId = given().auth().oauth2(token("mediator.north"))
                .when().post("/api/cases/" + caseId + "/sessions").then().statusCode(201).extract().path("id");
        if (disclosed) {
            discloseNoneKnown();
            acknowledgeDisclosure("party.a");
            acknowledgeDisclosure("party.b");
        }
        if (ready) {
            for (String username : participantIds.keySet()) {
                acceptAgreement(username);
                attest(username, sessionId);
            }
        }
    }

    /**
     * Creates a fresh case and session whose participants have not yet accepted or attested anything (the mediator's
     * disclosure is recorded and acknowledged by both parties).
     */
    public static MediationFixture createUnattested(URI server) {
        return new MediationFixture(server, false, true, "release_required");
    }

    /** A fresh case and session with no conflict-of-interest disclosure yet, nothing accepted or attested. */
    public static MediationFixture createUndisclosed(URI server) {
        return new MediationFixture(server, false, false, "release_required");
    }

    /** A case with this caucus policy, everyone disclosed, accepted and attested. */
    public static MediationFixture createWithPolicy(URI server, String caucusPolicy) {
        return new MediationFixture(server, true, true, caucusPolicy);
    }

    /** The Keycloak test user invited as co-mediator by {@link #createWithCoMediator}. */
    public static final String CO_MEDIATOR = "comediator.north";

    /** The standard case with {@link #CO_MEDIATOR} as its co-mediator; everyone disclosed, accepted and attested. */
    public static MediationFixture createWithCoMediator(URI server) {
        return new MediationFixture(server, true, true, "release_required", true);
    }

    /** The mediator records "no conflict of interest known". */
    public void discloseNoneKnown() {
        given().auth().oauth2(token("mediator.north")).contentType(ContentType.JSON)
                .body(Map.of("noneKnown", true)).put("/api/cases/" + caseId + "/disclosure").then().statusCode(200);
    }

    /** A party acknowledges the current version of the mediator's disclosure. */
    public void acknowledgeDisclosure(String username) {
        int version = given().auth().oauth2(token(username)).get("/api/cases/" + caseId + "/disclosure")
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(token(username)).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/api/cases/" + caseId + "/disclosure/acknowledgement").then().statusCode(200);
    }

    public void acceptAgreement(String username) {
        int version = given().auth().oauth2(token(username)).get("/api/cases/" + caseId + "/agreement")
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(token(username)).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/api/cases/" + caseId + "/agreement/acceptance").then().statusCode(200);
    }

    public void attest(String username, String session) {
        given().auth().oauth2(token(username)).contentType(ContentType.JSON)
                .body(Map.of("noRecording", true, "privateLocation", true))
                .post("/api/sessions/" + session + "/attestation").then().statusCode(200);
    }

    public static MediationFixture create(URI server) {
        return new MediationFixture(server);
    }

    private void invite(String username, String role, String side) {
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("email", username + "@parley.test");
        invitation.put("displayName", username);
        invitation.put("role", role);
        invitation.put("side", side);
        String id = given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON).body(invitation)
                .when().post("/api/cases/" + caseId + "/participants").then().statusCode(201).extract().path("id");
        participantIds.put(username, id);
    }

    /**
     * Invites a new third party (observer), provisioned in the real Keycloak, whose first sign-in the test then
     * completes; answers their sign-in name. Their password is {@link #OBSERVER_PASSWORD}.
     */
    public String inviteObserver() {
        String email = inviteNewPerson("observer", null, "Olive Observer");
        acceptAgreement(email);
        attest(email, sessionId);
        return email;
    }

    /**
     * Invites a person with a fresh email, provisioned in the real Keycloak, and completes their first sign-in; they
     * have accepted and attested nothing yet. Answers their sign-in name; their password is
     * {@link #OBSERVER_PASSWORD}.
     */
    public String inviteNewPerson(String role, String side, String displayName) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("email", email);
        invitation.put("displayName", displayName);
        invitation.put("role", role);
        invitation.put("side", side);
        String id = given().auth().oauth2(token("admin.north")).contentType(ContentType.JSON).body(invitation)
                .when().post("/api/cases/" + caseId + "/participants").then().statusCode(201).extract().path("id");
        participantIds.put(email, id);
        String keycloakId = (String) KeycloakAdminApi.shared().usersByEmail(email).get(0).get("id");
        KeycloakAdminApi.shared().setPassword(keycloakId, OBSERVER_PASSWORD);
        KeycloakAdminApi.shared().completeSetup(keycloakId);
        TOKENS.put(email, new CachedToken(KeycloakServer.shared().passwordGrantToken(email, OBSERVER_PASSWORD),
                Instant.now()));
        given().auth().oauth2(token(email)).when().get("/api/cases").then().statusCode(200);
        if ("party".equals(role)) {
            // A party invited later acknowledges the disclosure like the others before it may attest.
            acknowledgeDisclosure(email);
        }
        return email;
    }

    public static final String OBSERVER_PASSWORD = "Quiet-Watcher-2026";

    /** The participant id (as used on the wire) of a test user in this case. */
    public String participant(String username) {
        return participantIds.get(username);
    }

    /**
     * A Keycloak access token of a test user, reused for a few minutes: signing in afresh for every request would
     * trip the realm's brute-force protection, which treats bursts of logins as an attack.
     */
    public static String token(String username) {
        CachedToken cached = TOKENS.get(username);
        if (cached == null || cached.obtained().isBefore(Instant.now().minusSeconds(120))) {
            cached = new CachedToken(KeycloakServer.shared().passwordGrantToken(username, username + "-pw"),
                    Instant.now());
            TOKENS.put(username, cached);
        }
        return cached.token();
    }

    private record CachedToken(String token, Instant obtained) {
    }

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    public String ticket(String username) {
        return given().auth().oauth2(token(username)).when().post("/api/sessions/" + sessionId + "/ticket")
                .then().statusCode(200).extract().path("ticket");
    }

    /** Connects through {@code via} (a proxy in front of the server), asking to resume after {@code resumeFrom}. */
    public RoomClient connect(String username, URI via, Long resumeFrom) {
        return RoomClient.connect(via, sessionId, ticket(username), ORIGIN, resumeFrom);
    }

    public RoomClient connect(String username) {
        return RoomClient.connect(server, sessionId, ticket(username), ORIGIN);
    }
}
