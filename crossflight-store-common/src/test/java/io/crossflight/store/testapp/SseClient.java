package io.crossflight.store.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A plain SSE client over java.net.http: events and comments as they arrive, each with its arrival time. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data, String comment, long receivedNanos) {
        public boolean isComment() {
            return comment != null;
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> all = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    public SseClient(String url, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines = r.body();
            Thread t = new Thread(() -> read(r.body()), "sse-client");
            t.setDaemon(true);
            t.start();
        });
    }

    private void read(Stream<String> body) {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString(), null, System.nanoTime()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim(), System.nanoTime()));
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
            // stream closed by close()
        }
    }

    public int status() throws Exception {
        return response.get(20, TimeUnit.SECONDS).statusCode();
    }

    /** The next event or comment, or null after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e != null) {
            all.add(e);
        }
        return e;
    }

    /** The next data event (skipping comments), or null after the timeout. */
    public Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = next(Duration.ofNanos(left));
            if (e == null || !e.isComment()) {
                return e;
            }
        }
    }

    /** Waits for the opening comment: from then on every committed change is sent. */
    public void awaitOpen() throws Exception {
        Event e;
        do {
            e = next(Duration.ofSeconds(30));
        } while (e != null && e.isComment() && e.comment().equals("heartbeat"));
        if (e == null || !e.isComment() || !e.comment().equals("crossflight change stream")) {
            throw new AssertionError("stream did not open with its opening comment: " + e + " (status " + (response.isDone() ? status() : "pending") + ")");
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}
