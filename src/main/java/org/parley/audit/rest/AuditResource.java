package org.parley.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.parley.audit.ChainHead;
import org.parley.audit.Verification;
import org.parley.audit.inspection.AuditInspection;
import org.parley.identity.CallerFactory;
import org.parley.platform.problem.ApiException;

/**
 * REST face of the audit log for court-admins: verify the chain, and read its head to keep it elsewhere.
 */
@Cancellable(false)
@Path("/api/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final Pattern SEQ = Pattern.compile("[0-9]{1,18}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final AuditInspection inspection;
    private final CallerFactory callers;
    private final SecurityIdentity identity;

    public AuditResource(AuditInspection inspection, CallerFactory callers, SecurityIdentity identity) {
        this.inspection = inspection;
        this.callers = callers;
        this.identity = identity;
    }

    /** The verdict on the chain; {@code firstBadSeq} and {@code problem} only when it is broken. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerificationView(boolean ok, long records, long headSeq, String headHash, Long firstBadSeq,
            String problem, String detail) {
        static VerificationView of(Verification v) {
            return new VerificationView(v.ok(), v.records(), v.headSeq(), v.headHash(), v.firstBadSeq(),
                    v.problem() == null ? null : v.problem().code(), v.detail());
        }
    }

    public record HeadView(long seq, String hash) {
    }

    /**
     * Verifies the whole chain. With {@code headSeq} and {@code headHash} (a head kept earlier), also checks that
     * the chain still reaches it, which is the only way to notice records deleted from the end.
     */
    @GET
    @Path("/verify")
    public Uni<VerificationView> verify(@QueryParam("case") String caseId, @QueryParam("headSeq") String headSeq,
            @QueryParam("headHash") String headHash) {
        return inspection.verify(callers.from(identity), caseId(caseId), keptHead(headSeq, headHash))
                .map(VerificationView::of);
    }

    @GET
    @Path("/head")
    public Uni<HeadView> head() {
        return inspection.head(callers.from(identity)).map(head -> new HeadView(head.seq(), head.hash()));
    }

    private static UUID caseId(String value) {
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("case must be the id of a case of your court");
        }
    }

    private static Optional<ChainHead> keptHead(String seq, String hash) {
        if (seq == null && hash == null) {
            return Optional.empty();
        }
        if (seq == null || !SEQ.matcher(seq).matches() || hash == null || !HASH.matcher(hash).matches()) {
            throw ApiException.invalid("headSeq (a number ≥ 0) and headHash (64 lowercase hex digits) go together");
        }
        return Optional.of(new ChainHead(Long.parseLong(seq), hash));
    }
}
