package io.crossflight.crew.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crossflight.crew.service.RebuildReport;
import io.crossflight.crew.service.RebuildService;

/** Operator endpoints; writes, so guarded by CROSSFLIGHT_API_TOKEN when it is set. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {

    @Inject
    RebuildService rebuild;

    @POST
    @Path("/rebuild")
    @Operation(summary = "Reset the store and re-consume mission-updates from the beginning",
            description = "One transaction: readers see the old store until the rebuilt one commits. Answers when done.")
    public RebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
