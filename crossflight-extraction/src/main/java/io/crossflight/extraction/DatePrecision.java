package io.crossflight.extraction;

import java.util.Locale;

/** How precise a launch date is; {@code SEASON} values carry the year only, plus a season name. */
public enum DatePrecision {
    DAY, MONTH, SEASON, YEAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
