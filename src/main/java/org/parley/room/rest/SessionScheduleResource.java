package org.parley.room.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.CallerFactory;
import org.parley.room.rest.SessionResource.SessionView;
import org.parley.room.service.SessionScheduling;

/** A session's planned time: the mediator sets it, the case's participants download it as an iCalendar file. */
@Authenticated
@Cancellable(false)
@Path("/api/sessions/{sessionId}")
public class SessionScheduleResource {

    static final String CALENDAR = "text/calendar";

    private final SessionScheduling scheduling;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public SessionScheduleResource(SessionScheduling scheduling, CallerFactory callers, SecurityIdentity identity) {
        this.scheduling = scheduling;
        this.callers = callers;
        this.identity = identity;
    }

    @PUT
    @Path("/schedule")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SessionView> schedule(@PathParam("sessionId") UUID sessionId,
                                     SessionScheduling.ScheduleRequest request) {
        return scheduling.schedule(callers.from(identity), sessionId, request).map(SessionView::of);
    }

    @GET
    @Path("/calendar.ics")
    @Produces(CALENDAR)
    public Uni<Response> calendar(@PathParam("sessionId") UUID sessionId) {
        return scheduling.calendar(callers.from(identity), sessionId)
                .map(text -> Response.ok(text, CALENDAR + "; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"session-" + sessionId + ".ics\"")
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
