package io.crossflight.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plain Server-Sent Events client over java.net.http, for the change streams: events and
 * comments in arrival order, each with its arrival time.
 */
public final class SseClient implements AutoCloseable {

    /** The comment a change stream opens with: from then on every committed change is sent. */
    public static final String OPENING_COMMENT = "crossflight change stream";

    /**
     * A data event, or a comment line ({@code comment} set, the rest null). {@code receivedNanos}
     * ({@link System#nanoTime()}) is for latencies within this JVM, {@code at} for comparing with server times.
     */
    public record Event(String id, String name, String data, String comment, long receivedNanos, Instant at) {
        public boolean isComment() {
            return comment != null;
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseClient(String url) {
        this(url, null);
    }

    /** Connects at once; {@code lastEventId} (may be null) is sent as Last-Event-ID to resume. */
    public SseClient(String url, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            Thread t = new Thread(() -> read(r.body()), "sse-client");
            t.setDaemon(true);
            t.start();
        });
    }

    private void read(Stream<String> lines) {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), null, System.nanoTime(), Instant.now()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim(), System.nanoTime(), Instant.now()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (Exception closed) {
            // closed by close()
        }
    }

    /** The response status, once the headers arrived. */
    public int status() throws Exception {
        return response.get(30, TimeUnit.SECONDS).statusCode();
    }

    /** Asserts a 200 and waits for the opening comment (skipping heartbeats). */
    public void awaitOpen() throws Exception {
        assertEquals(200, status(), "stream status");
        Event e;
        do {
            e = next(Duration.ofSeconds(30));
        } while (e != null && "heartbeat".equals(e.comment()));
        assertTrue(e != null && OPENING_COMMENT.equals(e.comment()), "stream did not open with its opening comment: " + e);
    }

    /** The next event or comment; null after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next data event, skipping comments; null after the timeout. */
    public Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null || !e.isComment()) {
                return e;
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
