package io.crossflight.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error any Crossflight service returns is an RFC 9457 problem document, never an HTML
 * page or a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Bad Request", 400,
                "Unknown field '" + e.getPropertyName() + "'. Known fields: " + e.getKnownPropertyIds(), path(uri)));
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Bad Request", 400,
                "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR && family != Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? describe(status) : e.getMessage();
        return respond(new Problem("about:blank", reason, status, detail, path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected error on " + path(uri), e);
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The service failed to handle this request; it has been logged. Try again, and report it if it persists.", path(uri)));
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No such resource. Check the path and the id.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource cannot produce the requested media type; ask for application/json.";
            case 415 -> "Unsupported Content-Type. Send application/json (or text/plain where the endpoint says so).";
            case 413 -> "The request body is too large.";
            default -> "The request could not be handled (HTTP " + status + ").";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    public static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
