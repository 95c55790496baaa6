package io.crossflight.store.subscriptions;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code crossflight.webhooks.*} (env {@code CROSSFLIGHT_WEBHOOKS_*}). */
@ConfigMapping(prefix = "crossflight.webhooks")
public interface WebhooksConfig {

    /** Allows callbacks to loopback, private and link-local addresses (tests, local demos). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Whether this replica fans out and sends deliveries (the API works either way). */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** How often due deliveries and new changes are looked for (a local commit wakes it at once). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Concurrent HTTP deliveries per replica. */
    @WithDefault("4")
    int concurrency();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Whole-request time-out; a claimed attempt is leased for this plus a margin. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Delay before the first retry; doubled per attempt, with jitter, up to {@link #maxBackoff()}. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** Attempts per delivery before it is marked failed. */
    @WithDefault("20")
    int maxAttempts();

    /** A subscription failing without a single success for this long is disabled. */
    @WithDefault("24h")
    Duration disableAfter();

    /** Also disable after this many consecutive failed attempts (unset: only {@link #disableAfter()}). */
    Optional<Integer> disableAfterFailures();
}
