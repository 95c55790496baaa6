package io.crossflight.mission.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.crossflight.store.changes.ChangeFilter;
import io.crossflight.store.changes.ChangeNotice;
import io.crossflight.store.changes.ChangeStreams;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * {@code GET /missions/stream}: a Server-Sent Events stream of committed mission changes
 * ({@code event: mission.changed}, {@code id:} = change log position, JSON data with type, id,
 * changes, source, eventId, state). Filters combine with AND, values of one filter with OR
 * (repeat the parameter or separate values with commas). Send {@code Last-Event-ID} to resume.
 */
@Path("/missions/stream")
@Tag(name = "missions")
public class MissionStreamResource {

    @Inject
    ChangeStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Live stream of committed mission changes (SSE)",
            description = "Each event is announced only after its change is committed. Resume after a disconnect with the "
                    + "Last-Event-ID header; a comment is sent every 15 s to keep idle connections open.")
    public Multi<OutboundSseEvent> stream(Sse sse,
            @Parameter(description = "Mission id(s)") @RestQuery List<String> id,
            @Parameter(description = "Alias of id") @RestQuery List<String> mission,
            @Parameter(description = "Mission status after the change, e.g. launched") @RestQuery List<String> status,
            @Parameter(description = "Agency of a crew member, e.g. NASA") @RestQuery List<String> agency,
            @Parameter(description = "Person id of a crew member, e.g. francisco-rubio") @RestQuery List<String> crew,
            @RestHeader("Last-Event-ID") String lastEventId) {
        ChangeFilter filter = ChangeFilter.builder()
                .with("type", ChangeNotice.MISSION_CHANGED)
                .with("id", id).with("id", mission)
                .with("status", status).with("agency", agency).with("crew", crew)
                .build();
        return streams.stream(sse, filter, lastEventId);
    }
}
