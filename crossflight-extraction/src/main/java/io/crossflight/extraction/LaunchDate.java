package io.crossflight.extraction;

import java.util.List;

/**
 * A launch date as the article states it, resolved against the publication date.
 *
 * @param value      {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY} as the precision allows;
 *                   the calendar date at the launch site
 * @param precision  day, month, season or year
 * @param season     {@code spring|summer|autumn|winter} when precision is SEASON, else null
 * @param text       the original span, e.g. "this Wednesday, September 21"
 * @param evidence   supporting sentence(s)
 * @param confidence 0..1
 */
public record LaunchDate(String value, DatePrecision precision, String season, String text,
                         List<String> evidence, double confidence) {
    public LaunchDate {
        evidence = List.copyOf(evidence);
    }
}
