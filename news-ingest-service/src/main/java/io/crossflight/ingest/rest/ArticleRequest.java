package io.crossflight.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON form of {@code POST /articles} (CONTRACT.md). */
@Schema(description = "An article to ingest")
public record ArticleRequest(
        @Schema(required = true, description = "plain text or HTML") String body,
        String title,
        @Schema(description = "ISO-8601 date or date-time", examples = "2022-09-19") String publishedAt,
        @Schema(description = "outlet name") String source,
        String url,
        @Schema(description = "en or ru") String language) {
}
