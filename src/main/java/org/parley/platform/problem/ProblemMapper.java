package org.parley.platform.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps refused requests to RFC 9457 problem+json bodies with a stable {@code code}.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response problem = problem(e.status(), e.code(), e.getMessage());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) problem.getEntity();
        body.putAll(e.extensions());
        return problem;
    }

    @ServerExceptionMapper
    public Response unreadableBody(com.fasterxml.jackson.core.JsonProcessingException e) {
        // The parser's message may quote the body; never echo it.
        return problem(400, "bad_request_body", "the request body is not valid JSON of the expected shape");
    }

    @ServerExceptionMapper
    public Response invalidArgument(IllegalArgumentException e) {
        return problem(400, "invalid_request", "the request is not valid");
    }

    public static Response problem(int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://parley.invalid/problems/" + code);
        body.put("title", code);
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
