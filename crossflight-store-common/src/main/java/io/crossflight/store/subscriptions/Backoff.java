package io.crossflight.store.subscriptions;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after attempt n the next try is due in a random
 * time between half and all of {@code min(max, initial * 2^(n-1))}, so retries of many
 * deliveries that failed together spread out instead of arriving at the receiver in a burst.
 */
public final class Backoff {

    private Backoff() {
    }

    /** Delay after the {@code attempt}-th failed attempt (1-based). */
    public static Duration after(int attempt, Duration initial, Duration max, RandomGenerator random) {
        long initialMs = Math.max(1, initial.toMillis());
        long maxMs = Math.max(initialMs, max.toMillis());
        int shift = Math.min(Math.max(attempt, 1) - 1, 40);
        long ceiling = initialMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, initialMs << shift);
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
