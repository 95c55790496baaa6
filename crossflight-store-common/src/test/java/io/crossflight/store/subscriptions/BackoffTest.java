package io.crossflight.store.subscriptions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofHours(1);

    @Test
    void doublesPerAttemptWithinHalfToFullOfTheCeiling() {
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 10; attempt++) {
            long ceiling = Math.min(MAX.toMillis(), INITIAL.toMillis() << (attempt - 1));
            for (int i = 0; i < 200; i++) {
                long d = Backoff.after(attempt, INITIAL, MAX, random).toMillis();
                assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + attempt + ": " + d + " not in [" + ceiling / 2 + ", " + ceiling + "]");
            }
        }
    }

    @Test
    void neverExceedsTheCapEvenForHugeAttemptNumbers() {
        Random random = new Random(1);
        for (int attempt : new int[] {11, 20, 63, 64, 1000, Integer.MAX_VALUE}) {
            long d = Backoff.after(attempt, INITIAL, MAX, random).toMillis();
            assertTrue(d >= MAX.toMillis() / 2 && d <= MAX.toMillis(), attempt + " -> " + d);
        }
    }

    @Test
    void isJittered() {
        Random random = new Random(3);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            seen.add(Backoff.after(4, INITIAL, MAX, random).toMillis());
        }
        assertTrue(seen.size() > 40, "retries of deliveries that failed together must spread out: " + seen.size());
    }
}
