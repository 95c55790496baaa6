package io.crossflight.ingest.rest;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crossflight.common.rest.ProblemException;
import io.crossflight.ingest.config.IngestConfig;
import io.crossflight.ingest.service.ArticleIngestion;
import io.crossflight.ingest.service.IngestResult;
import io.crossflight.ingest.store.ArticleRecord;
import io.crossflight.ingest.store.ArticleStore;

@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    @Inject
    ArticleIngestion ingestion;

    @Inject
    ArticleStore store;

    @Inject
    IngestConfig config;

    private final Clock clock = Clock.systemUTC();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article given as JSON")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequest.class)))
    @APIResponse(responseCode = "202", description = "new article; its events are durably queued for Kafka")
    @APIResponse(responseCode = "200", description = "the same article again (duplicate: true)")
    @APIResponse(responseCode = "400", description = "bad input; nothing stored")
    public Response postJson(byte[] raw) {
        return answer(ingestion.ingest(RequestParsing.fromJson(raw, config.maxArticleBytes(), clock)));
    }

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, MediaType.TEXT_HTML })
    @Operation(summary = "Ingest a raw article (plain text, optionally starting with a 'date YYYY-MM-DD' line, or HTML)")
    @APIResponse(responseCode = "202", description = "new article; its events are durably queued for Kafka")
    @APIResponse(responseCode = "200", description = "the same article again (duplicate: true)")
    public Response postText(byte[] raw, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        String type = contentType != null && contentType.toLowerCase().startsWith(MediaType.TEXT_HTML) ? MediaType.TEXT_HTML : MediaType.TEXT_PLAIN;
        return answer(ingestion.ingest(RequestParsing.fromText(raw, type, RequestParsing.charsetOf(contentType), config.maxArticleBytes())));
    }

    @GET
    @Operation(summary = "Stored articles, newest first")
    public Map<String, Object> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ProblemException.badRequest("page must be >= 0 and size between 1 and 100.");
        }
        return Map.of("items", store.list(page, size), "page", page, "size", size, "total", store.count());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The article and every mission update extracted from it, with supporting sentences")
    public ArticleView get(@PathParam("id") String id) {
        if (id.length() > 100) {
            throw ProblemException.notFound("No article " + id + ".");
        }
        ArticleRecord a = store.find(id).orElseThrow(() -> ProblemException.notFound("No article with id " + id + "."));
        return ArticleView.of(a);
    }

    private static Response answer(IngestResult result) {
        return Response.status(result.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(URI.create("/articles/" + result.id()))
                .entity(result).build();
    }
}
