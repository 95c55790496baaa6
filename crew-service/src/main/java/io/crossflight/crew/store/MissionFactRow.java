package io.crossflight.crew.store;

import java.time.Instant;
import java.util.Comparator;

/** What one event said about its mission that a crew view shows: the name and the status. */
public record MissionFactRow(String eventId, String articleId, Instant publishedAt, String missionId, String name, String status) {

    public static final Comparator<MissionFactRow> PUBLICATION_ORDER = Comparator.comparing(MissionFactRow::publishedAt)
            .thenComparing(MissionFactRow::articleId).thenComparing(MissionFactRow::eventId);
}
