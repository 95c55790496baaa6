package io.crossflight.ingest.rest;

import jakarta.inject.Inject;

import io.crossflight.common.rest.Problem;
import io.crossflight.ingest.config.IngestConfig;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an over-long body from its Content-Length before reading it, with a problem document
 * (the HTTP layer's own limit would answer with a bare 413).
 */
public class BodyLimitFilter {

    @Inject
    IngestConfig config;

    @RouteFilter(100)
    void limit(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long limit = config.maxArticleBytes() + 64L * 1024;
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(Json.encode(Problem.of(413, "Payload Too Large",
                                    "The request body is larger than " + config.maxArticleBytes() + " bytes; send one article at a time.")));
                    return;
                }
            } catch (NumberFormatException ignored) {
                // the HTTP layer rejects malformed lengths itself
            }
        }
        rc.next();
    }
}
