package io.crossflight.ingest.rest;

import java.time.Instant;
import java.util.List;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.ingest.store.ArticleRecord;

/**
 * {@code GET /articles/{id}}: the article and what was read out of it. Each update carries the
 * facts with their evidence sentences and confidence, exactly as published to Kafka.
 */
public record ArticleView(String id, String title, String source, String url, String language, String contentType,
                          Instant publishedAt, boolean publishedAtKnown, String publishedText, Instant ingestedAt,
                          String text, List<String> notes, List<Update> updates, List<UnnamedFlight> unnamedFlights) {

    /**
     * @param sentToKafkaAt null while the event waits in the outbox
     * @param attributed    true when the article never named the mission: an unnamed flight it
     *                      describes was matched to it (the article's notes say why)
     */
    public record Update(String eventId, String missionId, String missionName, Instant sentToKafkaAt, boolean attributed,
                         MissionUpdateData update) {
    }

    /**
     * A crewed flight the article describes without naming it: its spacecraft, crew and date with
     * their sentences, and the mission it was found to be ({@code attributedTo}, null while open).
     */
    public record UnnamedFlight(String attributedTo, String eventId, MissionFacts facts, List<CrewClaim> crew) {
    }

    static ArticleView of(ArticleRecord a) {
        List<Update> updates = a.updates().stream()
                .map(u -> new Update(u.eventId(), u.data().mission().id(), u.data().mission().name(), u.sentToKafkaAt(), u.attributed(), u.data()))
                .toList();
        return new ArticleView(a.id(), a.title(), a.source(), a.url(), a.language(), a.contentType(), a.publishedAt(),
                a.publishedAtKnown(), a.publishedText(), a.ingestedAt(), a.text(), a.notes(), updates,
                a.unnamedFlights().stream().map(f -> new UnnamedFlight(f.attributedTo(), f.eventId(), f.flight().facts(), f.flight().crew()))
                        .toList());
    }
}
