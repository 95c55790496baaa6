package io.crossflight.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One mission-update event on topic {@code mission-updates}: a CloudEvents 1.0 envelope in
 * structured JSON mode. One event per (article, mission); the id is deterministic for that
 * pair (see {@link EventIds}) so a republished event is recognisably the same, and
 * {@code time} is the article's publication time (the conflict rule orders by it).
 *
 * <p>Schema version 1 is documented in {@code docs/asyncapi.yaml}. A consumer must refuse
 * (dead-letter) an event whose {@code type} or {@code schemaversion} it does not know.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissionUpdateEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        Integer schemaversion,
        MissionUpdateData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE = "io.crossflight.mission-update";
    public static final int SCHEMA_VERSION = 1;
    public static final String DATA_SCHEMA = "https://crossflight.io/schemas/mission-update/v1";
    public static final String TOPIC = "mission-updates";

    /** Builds a version-1 event for one article and one mission. */
    public static MissionUpdateEvent of(MissionUpdateData data) {
        return new MissionUpdateEvent(SPEC_VERSION,
                EventIds.eventId(data.articleId(), data.mission().id()),
                "/crossflight/news-ingest-service/articles/" + data.articleId(),
                TYPE,
                data.mission().id(),
                data.publishedAt(),
                "application/json",
                DATA_SCHEMA,
                SCHEMA_VERSION,
                data);
    }
}
