package io.crossflight.crew.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.crossflight.crew.store.PersonView;

/**
 * One claim an article made about a person, as {@code GET /crew/{id}/history} lists it.
 *
 * @param current      whether this claim decides the person's current assignment on the mission
 * @param supersededBy the newer claim on the same mission that won instead, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEntry(String eventId, String articleId, Instant publishedAt, boolean publishedAtKnown,
                           String articleTitle, String articleSource, String articleUrl,
                           Mission mission, String assignment, String position,
                           String name, List<String> aliases, String agency, String nationality, String role,
                           List<String> evidence, double confidence, boolean current, PersonView.FieldSource supersededBy) {

    public record Mission(String id, String name) {
    }
}
