package io.crossflight.store.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** A webhook subscription as the API shows it (the secret only to holders of the API token). */
public record Subscription(String id, String callbackUrl, Map<String, Set<String>> filter, String secret,
                           String description, String status, String disabledReason, Instant disabledAt,
                           int consecutiveFailures, Instant failingSince, Instant lastSuccessAt, Instant createdAt) {
}
