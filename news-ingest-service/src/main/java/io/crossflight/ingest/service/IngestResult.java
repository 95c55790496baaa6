package io.crossflight.ingest.service;

import java.util.List;

/** The answer to {@code POST /articles} (CONTRACT.md). */
public record IngestResult(String id, boolean duplicate, List<QueuedEvent> events) {

    public record QueuedEvent(String eventId, String missionId) {
    }
}
