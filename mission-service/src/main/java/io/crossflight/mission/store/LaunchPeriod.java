package io.crossflight.mission.store;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/** The calendar days a launch date of some precision covers, for range filters and sorting. */
public record LaunchPeriod(LocalDate start, LocalDate end) {

    /** Null when the value cannot be read as a date ({@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}). */
    public static LaunchPeriod of(String value, String precision, String season) {
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate d = LocalDate.parse(value);
                return new LaunchPeriod(d, d);
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(value);
                return new LaunchPeriod(ym.atDay(1), ym.atEndOfMonth());
            }
            if (value.matches("\\d{4}")) {
                int y = Integer.parseInt(value);
                if ("season".equals(precision) && season != null) {
                    return switch (season.toLowerCase(Locale.ROOT)) {
                        case "spring" -> new LaunchPeriod(LocalDate.of(y, 3, 1), LocalDate.of(y, 5, 31));
                        case "summer" -> new LaunchPeriod(LocalDate.of(y, 6, 1), LocalDate.of(y, 8, 31));
                        case "autumn", "fall" -> new LaunchPeriod(LocalDate.of(y, 9, 1), LocalDate.of(y, 11, 30));
                        case "winter" -> new LaunchPeriod(LocalDate.of(y, 12, 1), YearMonth.of(y + 1, 2).atEndOfMonth());
                        default -> new LaunchPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
                    };
                }
                return new LaunchPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
