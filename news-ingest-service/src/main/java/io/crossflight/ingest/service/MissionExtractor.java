package io.crossflight.ingest.service;

import java.time.Instant;

/** The seam between the service and the plain-Java extraction engine. */
public interface MissionExtractor {

    /**
     * Reads one article.
     *
     * @param now the ingest time, the reference for relative dates when the article has no date
     */
    Extraction extract(IncomingArticle article, Instant now);
}
