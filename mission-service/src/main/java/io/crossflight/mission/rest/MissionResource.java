package io.crossflight.mission.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crossflight.common.rest.Problem;
import io.crossflight.common.rest.AsOf;
import io.crossflight.common.rest.ProblemException;
import io.crossflight.events.MissionStatus;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.Slugs;
import io.crossflight.mission.service.MissionService;
import io.crossflight.mission.store.MissionHistory;
import io.crossflight.mission.store.MissionQueries;
import io.crossflight.mission.store.MissionQueries.Sort;
import io.crossflight.mission.store.MissionView;
import io.crossflight.mission.store.SearchText;

/**
 * The mission store's read API (CONTRACT.md). Documents are served as stored JSON, so a read
 * costs one indexed query and no serialisation.
 */
@Path("/missions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "missions")
public class MissionResource {

    private static final int MAX_SIZE = 100;

    @Inject
    MissionService missions;

    @GET
    @Operation(summary = "Search and filter missions",
            description = "q matches the name and every alias case-, accent- and script-insensitively, with small typos tolerated. "
                    + "Filters combine with AND; results are paged and stably ordered.")
    @APIResponse(responseCode = "200", description = "{items, page, size, total}")
    @APIResponse(responseCode = "400", description = "A parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response list(@QueryParam("q") @Parameter(description = "name or alias, any script, typos tolerated") String q,
                         @QueryParam("status") @Parameter(description = "one or more statuses, comma-separated") String status,
                         @QueryParam("crew") @Parameter(description = "person id(s) on the prime or backup crew, comma-separated") String crew,
                         @QueryParam("agency") @Parameter(description = "agency of a crew member, e.g. NASA") String agency,
                         @QueryParam("launchedFrom") @Parameter(description = "launch date on or after, YYYY-MM-DD") String launchedFrom,
                         @QueryParam("launchedTo") @Parameter(description = "launch date on or before, YYYY-MM-DD") String launchedTo,
                         @QueryParam("sort") @Parameter(description = "relevance (default with q), name (default), -name, launchDate, -launchDate, updatedAt, -updatedAt") String sort,
                         @QueryParam("page") @Parameter(description = "0-based page, default 0") String page,
                         @QueryParam("size") @Parameter(description = "1..100, default 20") String size) {
        int p = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = integer("size", size, 20, 1, MAX_SIZE);
        LocalDate from = date("launchedFrom", launchedFrom);
        LocalDate to = date("launchedTo", launchedTo);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("launchedFrom " + from + " is after launchedTo " + to + ".");
        }
        String query = blank(q) ? null : q.strip();
        if (query != null && query.length() > 200) {
            throw ProblemException.badRequest("q is longer than 200 characters.");
        }
        MissionQueries.Page result = missions.search(new MissionQueries.Search(query, statuses(status), crew(crew),
                blank(agency) ? null : agency.strip(), from, to, sort(sort, query != null), p, s));
        StringBuilder json = new StringBuilder(256 + result.items().stream().mapToInt(String::length).sum());
        json.append("{\"items\":[");
        for (int i = 0; i < result.items().size(); i++) {
            json.append(i == 0 ? "" : ",").append(result.items().get(i));
        }
        json.append("],\"page\":").append(p).append(",\"size\":").append(s).append(",\"total\":").append(result.total()).append('}');
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One mission, each value from the latest-published article that states it",
            description = "With asOf (YYYY-MM-DD or an ISO date-time), the mission as the articles published up to then described it. "
                    + "provenance maps each field (and crew.<personId>) to the article and sentences it came from.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MissionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown mission", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id,
                        @QueryParam("asOf") @Parameter(description = "YYYY-MM-DD (the whole day, UTC) or an ISO-8601 date-time") String asOf) {
        if (blank(asOf)) {
            String json = missions.current(id).orElseThrow(() -> unknown(id));
            return Response.ok(json, MediaType.APPLICATION_JSON).build();
        }
        Instant at = AsOf.parse(asOf);
        MissionView view = missions.asOf(id, at).orElseThrow(() -> missions.exists(id)
                ? ProblemException.notFound("No article published up to " + asOf.strip() + " describes mission " + id
                        + "; try a later asOf, or see GET /missions/" + id + "/history.")
                : unknown(id));
        return Response.ok(json(view), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every update applied to the mission, oldest publication first",
            description = "Each with its article, publication time, supporting sentences, what it changed in the story as told so far, "
                    + "and its claims that a later article overruled (superseded).")
    @APIResponse(responseCode = "404", description = "Unknown mission", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response history(@PathParam("id") String id) {
        List<MissionHistory.Entry> entries = missions.history(id).orElseThrow(() -> unknown(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("items", entries);
        return Response.ok(json(body), MediaType.APPLICATION_JSON).build();
    }

    private static ProblemException unknown(String id) {
        String hint = Slugs.slug(SearchText.normalize(id));
        return ProblemException.notFound("No mission with id '" + id + "'. Ids are lower-case slugs such as soyuz-ms-22"
                + (hint.isEmpty() || hint.equals(id) ? "" : " (did you mean '" + hint + "'?)")
                + "; GET /missions?q=<name> searches by name.");
    }

    private static int integer(String name, String raw, int dflt, int min, int max) {
        if (blank(raw)) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(name + " must be an integer from " + min + " to " + max + "; got '" + raw + "'.");
    }

    private static LocalDate date(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date YYYY-MM-DD; got '" + raw + "'.");
        }
    }

    private static List<String> statuses(String raw) {
        if (blank(raw)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : raw.split(",")) {
            String v = s.strip().toLowerCase(Locale.ROOT);
            if (!MissionStatus.isValid(v)) {
                throw ProblemException.badRequest("Unknown status '" + s.strip() + "'. Known statuses: "
                        + String.join(", ", Arrays.stream(MissionStatus.values()).map(MissionStatus::wire).toList()) + ".");
            }
            out.add(v);
        }
        return out;
    }

    /** Person ids; a name is accepted too and turned into its slug ("Frank Rubio" is not an id, "francisco-rubio" is). */
    private static List<String> crew(String raw) {
        if (blank(raw)) {
            return null;
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String s : raw.split(",")) {
            String id = Slugs.slug(SearchText.normalize(s));
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw ProblemException.badRequest("crew must be one or more person ids such as francisco-rubio; got '" + raw + "'.");
        }
        return List.copyOf(ids);
    }

    private static Sort sort(String raw, boolean hasQuery) {
        if (blank(raw)) {
            return hasQuery ? Sort.RELEVANCE : Sort.NAME;
        }
        return switch (raw.strip()) {
            case "relevance" -> Sort.RELEVANCE;
            case "name" -> Sort.NAME;
            case "-name" -> Sort.NAME_DESC;
            case "launchDate" -> Sort.LAUNCH_DATE;
            case "-launchDate" -> Sort.LAUNCH_DATE_DESC;
            case "updatedAt" -> Sort.UPDATED_AT;
            case "-updatedAt" -> Sort.UPDATED_AT_DESC;
            default -> throw ProblemException.badRequest("Unknown sort '" + raw + "'. Use relevance, name, -name, launchDate, "
                    + "-launchDate, updatedAt or -updatedAt.");
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String json(Object o) {
        try {
            return MissionUpdateCodec.mapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
