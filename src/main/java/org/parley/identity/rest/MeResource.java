package org.parley.identity.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.identity.Caller;
import org.parley.identity.CallerFactory;
import org.parley.identity.Roles;

/**
 * Tells a signed-in user who the server thinks they are, and a court-admin which court they administer.
 */
@Cancellable(false)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final SecurityIdentity identity;
    private final CallerFactory callers;

    public MeResource(SecurityIdentity identity, CallerFactory callers) {
        this.identity = identity;
        this.callers = callers;
    }

    /** What the client shows as "signed in as". */
    public record MeView(String subject, String username, String displayName, String court, List<String> roles) {
    }

    /** The court a court-admin administers. */
    public record CourtView(String court, String administeredBy) {
    }

    @GET
    @Path("/me")
    @Authenticated
    public MeView me() {
        Caller caller = callers.from(identity);
        return new MeView(caller.subject(), caller.username(), caller.displayName(), caller.court(),
                caller.roles().stream().sorted().toList());
    }

    @GET
    @Path("/court")
    @RolesAllowed(Roles.COURT_ADMIN)
    public CourtView court() {
        Caller caller = callers.from(identity);
        return new CourtView(caller.court(), caller.username());
    }
}
