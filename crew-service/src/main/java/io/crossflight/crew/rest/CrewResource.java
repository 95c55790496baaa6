package io.crossflight.crew.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crossflight.crew.service.CrewService;
import io.crossflight.crew.service.HistoryEntry;
import io.crossflight.crew.service.PageResult;
import io.crossflight.crew.store.PersonView;

/** The crew store's public read API (CONTRACT.md, crew-service). */
@Path("/crew")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crew")
public class CrewResource {

    @Inject
    CrewService crew;

    @GET
    @Operation(summary = "Search people",
            description = "q matches names and aliases in any script, case-, accent- and script-insensitively (Рубио, rubio and "
                    + "Prokopiev all work) and tolerates small typos. Everyone the news names is here, including people only "
                    + "mentioned (with an empty missions list). Sorted by name, then id.")
    @APIResponse(responseCode = "200", description = "{items, page, size, total}")
    @APIResponse(responseCode = "400", description = "a parameter is invalid (problem+json)")
    public PageResult<PersonView> search(
            @Parameter(description = "name or alias, any script") @QueryParam("q") String q,
            @Parameter(description = "agency, case-insensitive, e.g. NASA") @QueryParam("agency") String agency,
            @Parameter(description = "mission id or name: people on it as prime or backup") @QueryParam("mission") String mission,
            @Parameter(description = "astronaut, cosmonaut, taikonaut or private astronaut") @QueryParam("role") String role,
            @Parameter(description = "ISO 3166-1 alpha-2, e.g. US") @QueryParam("nationality") String nationality,
            @Parameter(description = "0-based page, default 0") @QueryParam("page") String page,
            @Parameter(description = "page size 1..100, default 20") @QueryParam("size") String size) {
        return crew.search(q, agency, mission, role, nationality, page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One person", description = "With asOf, the person as the news described them then: only articles "
            + "published up to that date (inclusive) or instant count.")
    @APIResponse(responseCode = "200", description = "the person")
    @APIResponse(responseCode = "404", description = "no such person (or none known by asOf)")
    public PersonView person(@PathParam("id") String id,
                             @Parameter(description = "ISO date (2022-09-01) or date-time") @QueryParam("asOf") String asOf) {
        return crew.person(id, asOf);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every claim about a person, oldest publication first",
            description = "Each with its article, publication time, supporting sentences, and whether a newer claim superseded it. "
                    + "Entries with mention=true come from articles that only name the person (e.g. a station crew already aboard): "
                    + "they update name, aliases, agency, nationality and role but hold no assignment.")
    @APIResponse(responseCode = "404", description = "no such person")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return crew.history(id);
    }
}
