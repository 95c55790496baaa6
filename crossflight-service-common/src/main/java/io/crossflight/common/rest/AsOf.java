package io.crossflight.common.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The {@code asOf} query parameter of the stores: the news as it stood at that moment. */
public final class AsOf {

    private AsOf() {
    }

    /**
     * {@code 2022-09-01} means up to the end of that day (UTC); a date-time (with or without an
     * offset, UTC when without) means up to that instant. The end of a day is its last
     * microsecond, PostgreSQL's precision: a nanosecond bound would be rounded up to the next
     * midnight and take in the next day's articles.
     *
     * @throws ProblemException 400 when it is neither
     */
    public static Instant parse(String raw) {
        String s = raw.strip();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minus(1, ChronoUnit.MICROS);
            }
            if (s.matches(".*(Z|[+-]\\d{2}:?\\d{2})$")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("asOf '" + s + "' is not a date (YYYY-MM-DD) or an ISO-8601 date-time "
                    + "(YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]).");
        }
    }
}
