package org.parley.room.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;
import org.parley.room.rest.SessionResource.SessionView;
import org.parley.room.service.SessionScheduling;
import org.parley.room.service.SessionService;

/**
 * Scheduling and listing the sessions of one case.
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Cancellable(false)
@Path("/api/cases/{caseId}/sessions")
public class CaseSessionResource {

    private final SessionService sessions;
    private final ObjectMapper json;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public CaseSessionResource(SessionService sessions, CallerFactory callers, SecurityIdentity identity,
                               ObjectMapper json) {
        this.json = json;
        this.sessions = sessions;
        this.callers = callers;
        this.identity = identity;
    }

    /**
     * Without a body (or with an empty object), a session with no time set; with
     * {@code {scheduledStart, expectedMinutes}}, a planned one. The body is read as text so that the body-less request
     * that has always created a session (no Content-Type) still does, and {@code {}}, which clients have always sent,
     * still means "no time set" rather than a schedule missing its fields.
     */
    @POST
    public Uni<Response> create(@PathParam("caseId") UUID caseId, String body) {
        SessionScheduling.ScheduleRequest schedule;
        try {
            schedule = body == null || body.isBlank() ? null
                    : json.readValue(body, SessionScheduling.ScheduleRequest.class);
            if (schedule != null && schedule.scheduledStart() == null && schedule.expectedMinutes() == null) {
                schedule = null;
            }
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "bad_request_body", "the request body is not valid JSON of the expected shape");
        }
        return sessions.create(callers.from(identity), caseId, schedule)
                .map(created -> Response.status(201).entity(SessionView.of(created)).build());
    }

    @GET
    public Uni<List<SessionView>> list(@PathParam("caseId") UUID caseId) {
        return sessions.ofCase(callers.from(identity), caseId)
                .map(found -> found.stream().map(SessionView::of).toList());
    }
}
