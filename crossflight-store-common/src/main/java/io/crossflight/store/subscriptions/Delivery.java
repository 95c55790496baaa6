package io.crossflight.store.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * One message to one subscription, as {@code GET /subscriptions/{id}/deliveries} shows it.
 *
 * @param id         the {@code webhook-id} header, the same on every retry
 * @param changeSeq  the change_log seq (the SSE event id of the same change)
 * @param status     pending, delivered, failed (gave up) or cancelled (subscription disabled)
 * @param attempts   attempts made so far
 * @param attemptLog every attempt with its status code or error
 */
public record Delivery(String id, long changeSeq, String type, String entityId, String status, int attempts,
                      Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant lastAttemptAt,
                      Instant deliveredAt, Instant createdAt, List<Attempt> attemptLog) {

    public record Attempt(int attempt, Instant at, Integer statusCode, String error, Long durationMs) {
    }
}
