package org.parley.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A case on a {@link PackagedServer} in the demo profile with the demo mediator and both demo parties invited,
 * the disclosure made and acknowledged, the agreement accepted and everyone attested for one new session.
 */
public final class DemoMediation {

    private final PackagedServer server;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String caseId;
    private String sessionId;

    private DemoMediation(PackagedServer server) {
        this.server = server;
    }

    public static DemoMediation prepare(PackagedServer server) throws Exception {
        DemoMediation mediation = new DemoMediation(server);
        mediation.prepare();
        return mediation;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The case participant id of a demo account. */
    public String participant(String username) {
        return ids.get(username);
    }

    /** Opens a room connection for the demo account with a fresh ticket. */
    public RoomClient join(String username) throws Exception {
        String ticket = server.send(server.demoToken(username), "POST", "/api/sessions/" + sessionId + "/ticket",
                null, 200).path("ticket").asText();
        return RoomClient.connect(server.base(), sessionId, ticket, server.origin());
    }

    private void prepare() throws Exception {
        String admin = server.demoToken("demo.admin");
        caseId = server.send(admin, "POST", "/api/cases", Map.of("reference", "D-" + UUID.randomUUID(),
                "title", "Durable v. Volatile"), 201).get("id").asText();
        invite(admin, "demo.mediator", "Maya Mediator", "mediator", null);
        invite(admin, "demo.party.a", "Paul Party", "party", "A");
        invite(admin, "demo.party.b", "Petra Party", "party", "B");
        String mediator = server.demoToken("demo.mediator");
        sessionId = server.send(mediator, "POST", "/api/cases/" + caseId + "/sessions", null, 201).get("id").asText();
        server.send(mediator, "PUT", "/api/cases/" + caseId + "/disclosure", Map.of("noneKnown", true), 200);
        for (String username : ids.keySet()) {
            String token = server.demoToken(username);
            int version = server.send(token, "GET", "/api/cases/" + caseId + "/agreement", null, 200)
                    .get("version").asInt();
            server.send(token, "POST", "/api/cases/" + caseId + "/agreement/acceptance", Map.of("version", version),
                    200);
            if (username.startsWith("demo.party")) {
                int disclosure = server.send(token, "GET", "/api/cases/" + caseId + "/disclosure", null, 200)
                        .get("version").asInt();
                server.send(token, "POST", "/api/cases/" + caseId + "/disclosure/acknowledgement",
                        Map.of("version", disclosure), 200);
            }
            server.send(token, "POST", "/api/sessions/" + sessionId + "/attestation",
                    Map.of("noRecording", true, "privateLocation", true), 200);
        }
    }

    private void invite(String admin, String username, String name, String role, String side) throws Exception {
        Map<String, Object> invitation = new HashMap<>();
        invitation.put("email", username + "@demo.parley.invalid");
        invitation.put("displayName", name);
        invitation.put("role", role);
        invitation.put("side", side);
        ids.put(username, server.send(admin, "POST", "/api/cases/" + caseId + "/participants", invitation, 201)
                .get("id").asText());
    }
}
