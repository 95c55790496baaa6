package io.crossflight.crew.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.crossflight.crew.store.PersonView;

/**
 * One claim an article made about a person, as {@code GET /crew/{id}/history} lists it.
 *
 * @param mission      the article's mission; for a mention only the context the person was named in
 * @param mention      true when the article only names the person (station crew, another flight's crew):
 *                     person fields, no assignment ({@code assignment} is null, {@code current} false)
 * @param current      whether this claim decides the person's current assignment on the mission
 * @param supersededBy the newer claim on the same mission that won instead, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryEntry(String eventId, String articleId, Instant publishedAt, boolean publishedAtKnown,
                           String articleTitle, String articleSource, String articleUrl,
                           Mission mission, boolean mention, String assignment, String position,
                           String name, List<String> aliases, String agency, String nationality, String role,
                           List<String> evidence, double confidence, boolean current, PersonView.FieldSource supersededBy) {

    public record Mission(String id, String name) {
    }
}
