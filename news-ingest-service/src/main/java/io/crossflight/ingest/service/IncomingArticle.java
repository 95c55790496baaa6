package io.crossflight.ingest.service;

import java.time.Instant;

/**
 * An article as a client sent it, already checked for shape.
 *
 * @param contentType  {@code application/json}, {@code text/plain} or {@code text/html}
 * @param publishedAt  null when the client gave none (the text may still carry one)
 */
public record IncomingArticle(String contentType, String body, String title, Instant publishedAt,
                              String publishedText, String source, String url, String language) {
}
