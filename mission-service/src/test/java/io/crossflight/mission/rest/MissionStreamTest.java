package io.crossflight.mission.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.testkit.CrossflightTestResource;
import io.crossflight.testkit.TestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Event subscriptions end to end: mission-update events published to the real broker, applied
 * to the real database, announced on GET /missions/stream and delivered, signed, to a real
 * HTTP receiver. A database of its own, so other tests' counts are untouched.
 */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "missions_stream"))
@TestProfile(MissionStreamTest.LoopbackWebhooks.class)
class MissionStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final PersonRef RUBIO = new PersonRef("francisco-rubio", "Francisco Rubio", List.of("Frank Rubio"), "NASA", "US", "astronaut");
    private static final PersonRef WAKATA = new PersonRef("koichi-wakata", "Koichi Wakata", List.of(), "JAXA", "JP", "astronaut");
    private static KafkaProducer<String, String> producer;

    /** The webhook receiver of this test listens on 127.0.0.1. */
    public static class LoopbackWebhooks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossflight.webhooks.allow-private-targets", "true");
        }
    }

    @TestHTTPResource("/missions/stream")
    URL stream;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aPublishedUpdateReachesTheStreamAndASignedWebhookWithinASecond() throws Exception {
        warmUp();
        String mission = "stream-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        try (Sse sse = new Sse(stream + "?id=" + mission, null); Receiver receiver = new Receiver()) {
            sse.awaitOpen();
            Map<String, Object> sub = given().contentType(ContentType.JSON)
                    .body(Map.of("callbackUrl", receiver.url(), "filter", Map.of("id", List.of(mission))))
                    .post("/subscriptions").then().statusCode(201).extract().as(Map.class);
            String secret = (String) sub.get("secret");

            MissionUpdateEvent event = event("article-" + mission, "2022-09-19T10:00:00Z", mission, "scheduled", RUBIO);
            long published = publish(event);

            Sse.Event e = sse.next(WAIT);
            assertNotNull(e, "no SSE event for the applied update");
            long sseMs = (e.receivedNanos() - published) / 1_000_000;
            JsonNode m = MissionUpdateCodec.mapper().readTree(e.data());
            assertEquals("mission.changed", e.name());
            assertEquals("mission.changed", m.get("type").asText());
            assertEquals(mission, m.get("id").asText());
            assertEquals("article-" + mission, m.get("source").asText());
            assertEquals(event.id(), m.get("eventId").asText());
            assertEquals(e.id(), m.get("seq").asText());
            assertTrue(hasChange(m, "status", "scheduled"), m.toString());
            assertEquals("scheduled", m.get("state").get("status").asText());
            assertEquals(mission, m.get("state").get("id").asText());

            await().atMost(WAIT).until(() -> !receiver.received.isEmpty());
            Received r = receiver.received.get(0);
            long webhookMs = (r.receivedNanos() - published) / 1_000_000;
            assertEquals(sign(secret, r.id(), Long.parseLong(r.timestamp()), r.body()), r.signature(), "signature verifies");
            JsonNode body = MissionUpdateCodec.mapper().readTree(r.body());
            assertEquals(m.get("seq"), body.get("seq"), "webhook and SSE carry the same message");
            assertEquals(m.get("changes"), body.get("changes"));

            // Commit → receive is what this service controls; "time" is when the applying
            // transaction started, so this over-estimates. Publish → receive adds the consumer's
            // poll and is only printed: on a loaded 2-core machine it is noisy.
            Instant txStart = Instant.parse(m.get("time").asText());
            long commitToSse = Duration.between(txStart, e.at()).toMillis();
            long commitToWebhook = Duration.between(txStart, r.at()).toMillis();
            System.out.printf("publish → SSE %d ms, → webhook %d ms; commit → SSE %d ms, → webhook %d ms%n",
                    sseMs, webhookMs, commitToSse, commitToWebhook);
            assertTrue(commitToSse < 1000, "commit → SSE took " + commitToSse + " ms");
            assertTrue(commitToWebhook < 1000, "commit → webhook took " + commitToWebhook + " ms");
            assertTrue(sseMs < 10_000, "publish → SSE took " + sseMs + " ms");

            await().atMost(WAIT).untilAsserted(() -> given().get("/subscriptions/{id}/deliveries", sub.get("id"))
                    .then().statusCode(200).body("items[0].status", org.hamcrest.Matchers.equalTo("delivered")));
            given().delete("/subscriptions/{id}", sub.get("id")).then().statusCode(204);
        }
    }

    @Test
    void streamsFilterByAgencyCrewAndStatus() throws Exception {
        String a = "stream-f-" + UUID.randomUUID().toString().substring(0, 8);
        String b = a + "-b";
        try (Sse jaxa = new Sse(stream + "?agency=JAXA&id=" + a + "," + b, null);
                Sse rubio = new Sse(stream + "?crew=francisco-rubio&status=launched&id=" + a + "," + b, null)) {
            jaxa.awaitOpen();
            rubio.awaitOpen();
            publish(event("art-" + a, "2022-10-01T10:00:00Z", a, "scheduled", RUBIO));
            publish(event("art-" + b, "2022-10-01T10:00:00Z", b, "launched", WAKATA));
            publish(event("art2-" + a, "2022-10-05T10:00:00Z", a, "launched", RUBIO));

            Sse.Event j = jaxa.next(WAIT);
            assertNotNull(j);
            assertEquals(b, MissionUpdateCodec.mapper().readTree(j.data()).get("id").asText());
            Sse.Event r = rubio.next(WAIT);
            assertNotNull(r);
            JsonNode rm = MissionUpdateCodec.mapper().readTree(r.data());
            assertEquals(a, rm.get("id").asText());
            assertEquals("art2-" + a, rm.get("source").asText());
            assertNull(jaxa.next(Duration.ofSeconds(1)));
            assertNull(rubio.next(Duration.ofMillis(200)));
        }
    }

    @Test
    void lastEventIdResumesAndARedeliveredEventIsNotAnnouncedTwice() throws Exception {
        String mission = "stream-r-" + UUID.randomUUID().toString().substring(0, 8);
        String firstId;
        MissionUpdateEvent first = event("r1-" + mission, "2022-09-01T10:00:00Z", mission, "planned", RUBIO);
        try (Sse sse = new Sse(stream + "?mission=" + mission, null)) {
            sse.awaitOpen();
            publish(first);
            Sse.Event e = sse.next(WAIT);
            assertNotNull(e);
            firstId = e.id();
        }
        publish(first); // redelivered: applied once, announced once
        publish(event("r2-" + mission, "2022-09-10T10:00:00Z", mission, "scheduled", RUBIO));
        try (Sse sse = new Sse(stream + "?mission=" + mission, firstId)) {
            Sse.Event e = sse.next(WAIT);
            assertNotNull(e, "missed change not replayed");
            JsonNode m = MissionUpdateCodec.mapper().readTree(e.data());
            assertEquals("r2-" + mission, m.get("source").asText());
            assertTrue(hasChange(m, "status", "scheduled"));
            assertTrue(Long.parseLong(e.id()) > Long.parseLong(firstId));
            assertNull(sse.next(Duration.ofSeconds(1)), "nothing else: the redelivery changed nothing");
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static boolean hasChange(JsonNode m, String field, String newValue) {
        for (JsonNode c : m.get("changes")) {
            if (c.get("field").asText().equals(field) && c.get("new").asText().equals(newValue)) {
                return true;
            }
        }
        return false;
    }

    private static MissionUpdateEvent event(String articleId, String published, String mission, String status, PersonRef person) {
        String sentence = "The crew of " + mission + " includes " + person.name() + ".";
        return MissionUpdateEvent.of(new MissionUpdateData(articleId, Instant.parse(published), true, "Article " + articleId,
                "Test Outlet", "https://news.example/" + articleId,
                new MissionRef(mission, mission.toUpperCase(), List.of(), true),
                new MissionFacts(null, null, null, null, null, Fact.of(status, "The mission is " + status + ".", 0.8)),
                List.of(new CrewClaim(person, CrewClaim.PRIME, "flight engineer", List.of(sentence), 0.9))));
    }

    /** Publishes like the ingest service; returns when the broker acknowledged. */
    private static long publish(MissionUpdateEvent e) throws Exception {
        synchronized (MissionStreamTest.class) {
            if (producer == null) {
                Properties p = TestInfra.kafkaClientProperties();
                p.put("acks", "all");
                p.put("enable.idempotence", "true");
                p.put("key.serializer", StringSerializer.class.getName());
                p.put("value.serializer", StringSerializer.class.getName());
                producer = new KafkaProducer<>(p);
            }
        }
        producer.send(new ProducerRecord<>(MissionUpdateEvent.TOPIC, e.data().mission().id(), MissionUpdateCodec.toJson(e)))
                .get(30, TimeUnit.SECONDS);
        return System.nanoTime();
    }

    /** The consumer joins its group and the pools fill before latency is measured. */
    private static void warmUp() throws Exception {
        MissionUpdateEvent e = event("warm-" + UUID.randomUUID(), "2022-01-01T00:00:00Z", "stream-warm-up", "planned", RUBIO);
        publish(e);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/applied-events/" + e.id()).statusCode() == 200);
    }

    /** Standard Webhooks, written from the specification. */
    private static String sign(String secret, String id, long ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    record Received(String id, String timestamp, String signature, String body, long receivedNanos, Instant at) {
    }

    /** A real webhook receiver on 127.0.0.1. */
    static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
            server.createContext("/", x -> {
                try (InputStream in = x.getRequestBody()) {
                    received.add(new Received(x.getRequestHeaders().getFirst("webhook-id"), x.getRequestHeaders().getFirst("webhook-timestamp"),
                            x.getRequestHeaders().getFirst("webhook-signature"), new String(in.readAllBytes(), StandardCharsets.UTF_8), System.nanoTime(), Instant.now()));
                }
                x.sendResponseHeaders(204, -1);
                x.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A plain SSE client over java.net.http. */
    static final class Sse implements AutoCloseable {
        record Event(String id, String name, String data, String comment, long receivedNanos, Instant at) {
        }

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        Sse(String url, String lastEventId) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                Thread t = new Thread(() -> read(r.body()), "sse-test-client");
                t.setDaemon(true);
                t.start();
            });
        }

        private void read(Stream<String> lines) {
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(id, name, String.join("\n", data), null, System.nanoTime(), Instant.now()));
                        }
                        name = null;
                        data.clear();
                    } else if (line.startsWith(":")) {
                        events.add(new Event(null, null, null, line.substring(1).trim(), System.nanoTime(), Instant.now()));
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).replaceFirst("^ ", ""));
                    }
                }
            } catch (Exception closed) {
                // closed by the test
            }
        }

        /** The opening comment: from then on every committed change is sent. */
        void awaitOpen() throws Exception {
            assertEquals(200, response.get(30, TimeUnit.SECONDS).statusCode());
            Event e;
            do {
                e = events.poll(30, TimeUnit.SECONDS);
            } while (e != null && "heartbeat".equals(e.comment()));
            assertTrue(e != null && "crossflight change stream".equals(e.comment()), "stream did not open: " + e);
        }

        /** The next data event, skipping comments; null after the timeout. */
        Event next(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null || e.comment() == null) {
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
}
