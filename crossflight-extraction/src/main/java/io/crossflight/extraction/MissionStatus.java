package io.crossflight.extraction;

import java.util.Locale;

/** Lifecycle state of a mission as reported; {@link #rank()} orders the states of one launch attempt. */
public enum MissionStatus {
    PLANNED(0), SCHEDULED(1), SCRUBBED(2), LAUNCHED(3), DOCKED(4), UNDOCKED(5), LANDED(6), CANCELLED(7), FAILED(7);

    private final int rank;

    MissionStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** The lower-case name used on the wire: {@code scheduled}, {@code landed}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
