package org.parley.document;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.parley.testing.MediationFixture;
import org.parley.testing.PlaceNames;
import org.parley.testing.RoomClient;

/** The document HTTP calls as the browser client makes them, each with the caller's real Keycloak token. */
final class DocumentRequests {

    private DocumentRequests() {
    }

    /** An upload grant for the place this client was last shown, as the composer asks for one. */
    static Response uploadGrant(String username, String sessionId, RoomClient client) {
        JsonNode arrival = client.lastArrival();
        Map<String, Object> body = new HashMap<>();
        body.put("place", PlaceNames.of(arrival.path("place")));
        body.put("placement", arrival.path("placement").asLong());
        return given().auth().oauth2(MediationFixture.token(username)).contentType(ContentType.JSON).body(body)
                .post("/api/sessions/" + sessionId + "/documents/upload-grant");
    }

    static String uploadGrantToken(String username, String sessionId, RoomClient client) {
        return uploadGrant(username, sessionId, client).then().statusCode(200).extract().path("grant");
    }

    static Response upload(String username, String sessionId, String grant, String name, byte[] bytes) {
        return given().auth().oauth2(MediationFixture.token(username))
                .header("X-Parley-Grant", grant)
                .header("X-Document-Name", URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Document-Caption", "for%20discussion")
                .contentType("application/octet-stream").body(bytes)
                .post("/api/sessions/" + sessionId + "/documents");
    }

    /** Shares a document from where the client is: grant, then upload; answers the item id. */
    static String share(String username, String sessionId, RoomClient client, String name, byte[] bytes) {
        String grant = uploadGrantToken(username, sessionId, client);
        return upload(username, sessionId, grant, name, bytes).then().statusCode(201).extract().path("item");
    }

    static Response downloadGrant(String username, String sessionId, String item) {
        return given().auth().oauth2(MediationFixture.token(username))
                .post("/api/sessions/" + sessionId + "/items/" + item + "/document-grant");
    }

    static String downloadGrantToken(String username, String sessionId, String item) {
        return downloadGrant(username, sessionId, item).then().statusCode(200).extract().path("grant");
    }

    static Response download(String username, String sessionId, String item, String grant) {
        return given().auth().oauth2(MediationFixture.token(username)).header("X-Parley-Grant", grant)
                .get("/api/sessions/" + sessionId + "/items/" + item + "/document");
    }
}
