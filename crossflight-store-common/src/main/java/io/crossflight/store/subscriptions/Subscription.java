package io.crossflight.store.subscriptions;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A webhook subscription as the API shows it (the secret only to holders of the API token).
 *
 * @param status              active, or disabled after its endpoint kept failing (until {@code POST /subscriptions/{id}/enable})
 * @param disabledReason      why it was disabled, with the last error; null while active
 * @param disabledAt          when it was disabled; null while active
 * @param consecutiveFailures failed attempts since the last success (reset by a success or by re-enabling)
 * @param failingSince        first failure of that streak
 */
public record Subscription(String id, String callbackUrl, Map<String, Set<String>> filter, String secret,
                           String description, String status, String disabledReason, Instant disabledAt,
                           int consecutiveFailures, Instant failingSince, Instant lastSuccessAt, Instant createdAt) {
}
