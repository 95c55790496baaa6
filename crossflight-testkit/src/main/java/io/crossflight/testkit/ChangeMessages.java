package io.crossflight.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The change messages SSE streams and webhooks carry ({@code type, id, changes[{field, old, new}],
 * source, eventId, seq, time, state}), as tests read them.
 */
public final class ChangeMessages {

    private ChangeMessages() {
    }

    /** True when the message lists a change of {@code field} to {@code newValue}. */
    public static boolean hasChange(JsonNode message, String field, String newValue) {
        for (JsonNode c : message.get("changes")) {
            if (c.get("field").asText().equals(field) && c.get("new").asText().equals(newValue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asserts that the change in {@code message} reached the stream and the webhook within a second
     * of its commit, and the stream within 10 s of {@code publishedNanos} (when the broker
     * acknowledged the event); prints all four figures.
     */
    public static void assertDeliveredPromptly(JsonNode message, long publishedNanos, SseClient.Event sse,
            WebhookReceiver.Received webhook) {
        long sseMs = (sse.receivedNanos() - publishedNanos) / 1_000_000;
        long webhookMs = (webhook.receivedNanos() - publishedNanos) / 1_000_000;
        // Commit → receive is what the service controls; "time" is when the applying
        // transaction started, so this over-estimates. Publish → receive adds the consumer's
        // poll and is only loosely bounded: on a loaded 2-core machine it is noisy.
        Instant txStart = Instant.parse(message.get("time").asText());
        long commitToSse = Duration.between(txStart, sse.at()).toMillis();
        long commitToWebhook = Duration.between(txStart, webhook.at()).toMillis();
        System.out.printf("publish → SSE %d ms, → webhook %d ms; commit → SSE %d ms, → webhook %d ms%n",
                sseMs, webhookMs, commitToSse, commitToWebhook);
        assertTrue(commitToSse < 1000, "commit → SSE took " + commitToSse + " ms");
        assertTrue(commitToWebhook < 1000, "commit → webhook took " + commitToWebhook + " ms");
        assertTrue(sseMs < 10_000, "publish → SSE took " + sseMs + " ms");
    }
}
