package io.crossflight.mission.store;

import java.time.Instant;
import java.util.Comparator;

/**
 * The total order of claims about one mission: later publication wins; equal publication times
 * are broken by article id (then event id), so the winner never depends on arrival order.
 */
public record ClaimKey(Instant publishedAt, String articleId, String eventId) implements Comparable<ClaimKey> {

    private static final Comparator<ClaimKey> ORDER = Comparator.comparing(ClaimKey::publishedAt)
            .thenComparing(ClaimKey::articleId)
            .thenComparing(ClaimKey::eventId);

    @Override
    public int compareTo(ClaimKey o) {
        return ORDER.compare(this, o);
    }

    public boolean newerThan(ClaimKey o) {
        return o == null || compareTo(o) > 0;
    }
}
