package io.crossflight.crew.store;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person as {@code GET /crew/{id}} shows it: the CONTRACT fields first (unknown ones {@code null},
 * never guessed), then provenance. Built only by {@link CrewResolver} from stored claims, so the live
 * store, a rebuilt store and an {@code asOf} view agree by construction.
 *
 * @param missions   prime/backup assignments only: someone an article merely mentions has none from it
 * @param updatedAt  publication time of the newest article about this person
 * @param provenance which article each person field comes from
 * @param sources    every article that names the person (crew claim or mention), oldest first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonView(String id, String name, List<String> aliases, String agency, String nationality, String role,
                         List<Assignment> missions, Instant updatedAt, Provenance provenance, List<Source> sources) {

    /**
     * One mission the person is (still) assigned to, prime or backup.
     *
     * @param status the mission's status as the latest article stating one says (same rule as mission-service)
     * @param source the article that decided this assignment
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Assignment(String id, String name, String assignment, String position, String status, FieldSource source) {
    }

    /** The article a value was taken from. */
    public record FieldSource(String articleId, Instant publishedAt, String eventId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Provenance(FieldSource name, FieldSource agency, FieldSource nationality, FieldSource role) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Source(String articleId, Instant publishedAt, boolean publishedAtKnown, String title, String source, String url) {
    }
}
