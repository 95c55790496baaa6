package io.crossflight.extraction;

import java.util.Locale;

/** How a person relates to a mission: prime crew, backup crew, or taken off it. */
public enum Assignment {
    PRIME, BACKUP, REMOVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
