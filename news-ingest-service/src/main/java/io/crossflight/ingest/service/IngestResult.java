package io.crossflight.ingest.service;

import java.util.List;

/**
 * The answer to {@code POST /articles} (CONTRACT.md).
 *
 * @param attributions events this article caused for earlier articles: their unnamed flights
 *                     turned out to be a mission this article names
 */
public record IngestResult(String id, boolean duplicate, List<QueuedEvent> events, List<Attribution> attributions) {

    public IngestResult(String id, boolean duplicate, List<QueuedEvent> events) {
        this(id, duplicate, events, List.of());
    }

    public record QueuedEvent(String eventId, String missionId) {
    }

    public record Attribution(String articleId, String eventId, String missionId) {
    }
}
