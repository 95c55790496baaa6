package io.crossflight.ingest.store;

import java.time.Instant;
import java.util.List;

import io.crossflight.events.MissionUpdateData;

public record ArticleRecord(String id, String url, String title, String source, String language, String contentType,
                            Instant publishedAt, boolean publishedAtKnown, String publishedText, Instant ingestedAt,
                            String text, List<String> notes, List<StoredUpdate> updates, List<StoredFlight> unnamedFlights) {

    /**
     * @param sentToKafkaAt when the relay saw the broker acknowledge it; null while queued
     * @param attributed    the article described this flight without naming it; the mission was
     *                      found by matching its spacecraft and crew against named missions
     */
    public record StoredUpdate(String eventId, MissionUpdateData data, Instant sentToKafkaAt, boolean attributed) {
    }

    /**
     * A crewed flight the article describes without naming it.
     *
     * @param flight       what the article says of it, as the update it becomes (mission still open)
     * @param attributedTo the mission it was found to be, or null while no named mission fits
     * @param eventId      the event published for it (or the article's own update of that mission)
     */
    public record StoredFlight(MissionUpdateData flight, String attributedTo, String eventId) {
    }
}
