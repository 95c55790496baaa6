package io.crossflight.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A launch date as precise as the article allows.
 *
 * @param value     {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}: the calendar date at the launch site
 * @param precision {@code day}, {@code month}, {@code season} or {@code year}
 * @param season    {@code spring|summer|autumn|winter} when precision is {@code season}
 * @param text      the words of the article the date was read from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LaunchDateFact(String value, String precision, String season, String text,
                             List<String> evidence, double confidence) {
    public LaunchDateFact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
