package io.crossflight.store;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.crossflight.common.rest.ProblemException;

@Path("/applied-events")
@Produces(MediaType.APPLICATION_JSON)
public class AppliedEventsResource {

    @Inject
    ProcessedEvents processed;

    @GET
    @Path("/{eventId}")
    @Operation(summary = "200 once this service has applied the event, else 404")
    public Map<String, Object> applied(@PathParam("eventId") String eventId) {
        if (eventId.length() > 200 || !processed.isApplied(eventId)) {
            throw ProblemException.notFound("Event " + eventId + " has not been applied by this service (yet).");
        }
        return Map.of("eventId", eventId, "applied", true);
    }
}
