package io.crossflight.store.subscriptions;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossflight.common.config.SecurityConfig;
import io.crossflight.common.rest.ProblemException;
import io.crossflight.common.security.ApiTokenFilter;
import io.crossflight.store.changes.ChangeFilter;
import io.smallrye.common.annotation.Blocking;

/**
 * Webhook subscriptions: {@code POST /subscriptions {"callbackUrl", "filter"}} → 201 with the id
 * and the signing secret. Every operation here needs the API token when one is configured,
 * reads included, because a subscription carries its secret.
 */
@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@Blocking
public class SubscriptionResource {

    /** Filter keys a subscription may use; {@code person} is the crew-service name of {@code id}. */
    static final Set<String> FILTER_KEYS = Set.of("type", "id", "person", "status", "agency", "crew", "mission");
    static final Set<String> TYPES = Set.of("mission.changed", "crew.changed");

    @Inject
    Subscriptions subscriptions;

    @Inject
    WebhooksConfig config;

    @Inject
    SecurityConfig security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a callback URL to committed changes; answers the id and the whsec_ signing secret")
    public Response create(JsonNode body, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization, UriInfo uri) throws SQLException {
        requireToken(authorization);
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("Send a JSON object: {\"callbackUrl\": \"https://…\", \"filter\": {\"status\": [\"launched\"]}}.");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!Set.of("callbackUrl", "filter", "description").contains(f)) {
                throw ProblemException.badRequest("Unknown field '" + f + "'. Known fields: callbackUrl, filter, description.");
            }
        }
        JsonNode url = body.get("callbackUrl");
        if (url == null || !url.isTextual()) {
            throw ProblemException.badRequest("callbackUrl is required: the absolute http(s) URL deliveries are POSTed to.");
        }
        URI target;
        try {
            target = new WebhookTargets(config.allowPrivateTargets()).check(url.asText());
        } catch (WebhookTargets.RefusedTarget e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        ChangeFilter filter = parseFilter(body.get("filter"));
        JsonNode description = body.get("description");
        if (description != null && !description.isNull() && (!description.isTextual() || description.asText().length() > 500)) {
            throw ProblemException.badRequest("description must be a string of at most 500 characters.");
        }
        Subscription s = subscriptions.create(target, filter,
                description == null || description.isNull() ? null : description.asText());
        return Response.created(uri.getBaseUriBuilder().path("subscriptions").path(s.id()).build()).entity(s).build();
    }

    @GET
    @Operation(summary = "Every subscription of this service")
    public Map<String, Object> list(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization) throws SQLException {
        requireToken(authorization);
        return Map.of("items", subscriptions.list());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A subscription with its state: status active or disabled, with disabledReason and disabledAt, "
            + "and the failure streak (consecutiveFailures, failingSince)")
    public Subscription get(@PathParam("id") String id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) throws SQLException {
        requireToken(authorization);
        return find(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; pending deliveries are dropped")
    public Response delete(@PathParam("id") String id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) throws SQLException {
        requireToken(authorization);
        if (!subscriptions.delete(id)) {
            throw ProblemException.notFound("No subscription " + id + ".");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Re-enable a subscription that was disabled for failing; answers it as it now is",
            description = "Clears disabledReason and disabledAt and resets the failure streak (consecutiveFailures, failingSince); "
                    + "the id and secret stay. Delivery resumes like a new subscription's: every matching change committed from "
                    + "now on. This is consistent with disabling, which cancelled the pending deliveries and fanned out nothing "
                    + "while disabled, so neither is sent after re-enabling: cancelled deliveries stay listed as cancelled "
                    + "(with their changeSeq) in GET /subscriptions/{id}/deliveries, and changes committed while disabled are "
                    + "not delivered. Catch up with a GET of the mission or person, or the SSE stream resumed with "
                    + "Last-Event-ID set to the changeSeq of the last delivery received. Enabling an active subscription changes "
                    + "nothing (200). 404 for an unknown id.")
    public Subscription enable(@PathParam("id") String id, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) throws SQLException {
        requireToken(authorization);
        find(id); // the 404 for an unknown or overlong id
        return subscriptions.enable(id).orElseThrow(() -> ProblemException.notFound("No subscription " + id + "."));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries, newest first: attempts, status codes, last error, next retry")
    public Map<String, Object> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("limit") Integer limit, @RestHeader(HttpHeaders.AUTHORIZATION) String authorization) throws SQLException {
        requireToken(authorization);
        find(id);
        if (status != null && !Set.of("pending", "delivered", "failed", "cancelled").contains(status)) {
            throw ProblemException.badRequest("status must be one of pending, delivered, failed, cancelled.");
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.badRequest("limit must be between 1 and 500.");
        }
        return Map.of("items", subscriptions.deliveries(id, status, n));
    }

    private Subscription find(String id) throws SQLException {
        if (id.length() > 100) {
            throw ProblemException.notFound("No subscription " + id.substring(0, 100) + "….");
        }
        return subscriptions.find(id).orElseThrow(() -> ProblemException.notFound("No subscription " + id + "."));
    }

    /** The write filter guards POST/DELETE already; GETs need it too, as they show the secret. */
    private void requireToken(String authorization) {
        ApiTokenFilter.refusal(security.apiToken(), authorization, "Managing webhook subscriptions").ifPresent(detail -> {
            throw new ProblemException(401, "Unauthorized", detail);
        });
    }

    static ChangeFilter parseFilter(JsonNode node) {
        if (node == null || node.isNull()) {
            return ChangeFilter.ALL;
        }
        if (!node.isObject()) {
            throw ProblemException.badRequest("filter must be an object such as {\"id\": [\"soyuz-ms-22\"], \"status\": \"launched\"}.");
        }
        ChangeFilter.Builder b = ChangeFilter.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!FILTER_KEYS.contains(e.getKey())) {
                throw ProblemException.badRequest("Unknown filter key '" + e.getKey() + "'. Known keys: " + String.join(", ", FILTER_KEYS.stream().sorted().toList()) + ".");
            }
            List<String> values = new ArrayList<>();
            if (e.getValue().isTextual()) {
                values.add(e.getValue().asText());
            } else if (e.getValue().isArray() && e.getValue().size() <= 100) {
                for (JsonNode v : e.getValue()) {
                    if (!v.isTextual() || v.asText().length() > 200) {
                        throw ProblemException.badRequest("filter." + e.getKey() + " values must be strings.");
                    }
                    values.add(v.asText());
                }
            } else {
                throw ProblemException.badRequest("filter." + e.getKey() + " must be a string or an array of at most 100 strings.");
            }
            String key = e.getKey().equals("person") ? "id" : e.getKey();
            if (key.equals("type") && values.stream().anyMatch(v -> !TYPES.contains(v))) {
                throw ProblemException.badRequest("filter.type must be mission.changed or crew.changed.");
            }
            b.with(key, values);
        }
        return b.build();
    }
}
