package io.crossflight.ingest.store;

import java.time.Instant;
import java.util.List;

/** An article ready to be stored. */
public record NewArticle(String id, String contentHash, String url, String title, String source, String language,
                         String contentType, Instant publishedAt, boolean publishedAtKnown, String publishedText,
                         Instant ingestedAt, String body, String text, List<String> notes) {
}
