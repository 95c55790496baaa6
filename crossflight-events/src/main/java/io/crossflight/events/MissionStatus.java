package io.crossflight.events;

import java.util.Locale;

/** The states CONTRACT.md allows, in the order a mission normally passes through them. */
public enum MissionStatus {
    PLANNED, SCHEDULED, LAUNCHED, DOCKED, UNDOCKED, LANDED, SCRUBBED, CANCELLED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String s) {
        if (s == null) {
            return false;
        }
        for (MissionStatus st : values()) {
            if (st.wire().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
