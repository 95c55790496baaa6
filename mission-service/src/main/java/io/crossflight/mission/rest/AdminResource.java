package io.crossflight.mission.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crossflight.mission.service.RebuildService;

/** Operator endpoints. POSTs need the API token when CROSSFLIGHT_API_TOKEN is set (ApiTokenFilter). */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Path("/rebuild")
    @Operation(summary = "Reset the store and rebuild it from the beginning of mission-updates",
            description = "Answers 202 at once; follow progress with GET /admin/rebuild. 409 while one is running.")
    public Response startRebuild() {
        return Response.accepted(rebuild.start()).header("Location", "/admin/rebuild").build();
    }

    @GET
    @Path("/rebuild")
    @Operation(summary = "State of the last rebuild: idle, running, succeeded or failed, with counts")
    public RebuildService.Status rebuildStatus() {
        return rebuild.status();
    }
}
