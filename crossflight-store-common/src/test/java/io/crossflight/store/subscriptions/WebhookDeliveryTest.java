package io.crossflight.store.subscriptions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.store.testapp.PostgresOnlyResource;
import io.crossflight.testkit.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Signed, retried, restart-safe webhook deliveries to a real HTTP receiver, on real PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresOnlyResource.class)
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    WebhookDispatch dispatch;

    record Sub(String id, String secret) {
    }

    private static Sub subscribe(String url, String thingId) {
        JsonPath r = given().contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", url, "filter", Map.of("id", List.of(thingId))))
                .post("/subscriptions")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/subscriptions/sub_\\w+"))
                .body("id", matchesPattern("sub_\\w+"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]+=*"))
                .body("filter.id[0]", equalTo(thingId))
                .body("status", equalTo("active"))
                .extract().jsonPath();
        return new Sub(r.getString("id"), r.getString("secret"));
    }

    private static long set(String id, String status) {
        given().post("/things/{id}/status/{status}", id, status).then().statusCode(200);
        return System.nanoTime();
    }

    /** Checks the signature as a receiver would, with code written from the specification. */
    private static void assertSigned(Sub sub, WebhookReceiver.Received r) throws Exception {
        assertNotNull(r.id(), "webhook-id");
        assertTrue(r.id().startsWith("msg_"));
        long ts = Long.parseLong(r.timestamp());
        assertTrue(Math.abs(Instant.now().getEpochSecond() - ts) < 600, "webhook-timestamp is now-ish");
        assertEquals(WebhookReceiver.sign(sub.secret(), r.id(), ts, r.body()), r.signature(), "webhook-signature");
    }

    private static List<Map<String, Object>> deliveries(String subId) {
        return given().get("/subscriptions/{id}/deliveries", subId).then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aCommittedChangeIsDeliveredSignedWithinASecond() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Sub sub = subscribe(receiver.url(), "wh-1");
            given().get("/subscriptions/{id}", sub.id()).then().statusCode(200)
                    .body("secret", equalTo(sub.secret())).body("callbackUrl", equalTo(receiver.url()));

            set("wh-other", "scheduled"); // not for this subscription
            long committed = set("wh-1", "scheduled");
            await().atMost(WAIT).until(() -> !receiver.received.isEmpty());
            WebhookReceiver.Received r = receiver.received.get(0);
            long latencyMs = (r.receivedNanos() - committed) / 1_000_000;
            assertTrue(latencyMs < 1000, "commit → webhook took " + latencyMs + " ms");
            assertSigned(sub, r);

            JsonNode body = MissionUpdateCodec.mapper().readTree(r.body());
            assertEquals("mission.changed", body.get("type").asText());
            assertEquals("wh-1", body.get("id").asText());
            assertEquals("scheduled", body.get("changes").get(0).get("new").asText());
            assertEquals("article-scheduled", body.get("source").asText());
            assertEquals("scheduled", body.get("state").get("status").asText());

            await().atMost(WAIT).untilAsserted(() -> {
                List<Map<String, Object>> ds = deliveries(sub.id());
                assertEquals(1, ds.size(), "only the matching change: " + ds);
                assertEquals("delivered", ds.get(0).get("status"));
                assertEquals(r.id(), ds.get(0).get("id"));
                assertEquals(1, ds.get(0).get("attempts"));
                assertEquals(204, ds.get(0).get("lastStatusCode"));
            });
            Thread.sleep(500);
            assertEquals(1, receiver.received.size(), "delivered once");

            given().delete("/subscriptions/{id}", sub.id()).then().statusCode(204);
            given().get("/subscriptions/{id}", sub.id()).then().statusCode(404).contentType("application/problem+json");
            set("wh-1", "launched");
            Thread.sleep(1000);
            assertEquals(1, receiver.received.size(), "nothing after unsubscribing");
        }
    }

    @Test
    void aReceiverDownForAWhileGetsEveryDeliveryOnceItIsBack() throws Exception {
        int port = WebhookReceiver.freePort();
        Sub sub = subscribe("http://127.0.0.1:" + port + "/hook", "down-1");
        for (int i = 1; i <= 5; i++) {
            set("down-1", "s" + i);
        }
        // Nobody listens: attempts fail (connection refused) and are scheduled for retry.
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> ds = deliveries(sub.id());
            assertEquals(5, ds.size());
            for (Map<String, Object> d : ds) {
                assertEquals("pending", d.get("status"));
                assertTrue((Integer) d.get("attempts") >= 1);
                assertNotNull(d.get("lastError"));
                assertNotNull(d.get("nextAttemptAt"));
            }
        });
        Thread.sleep(1500);
        try (WebhookReceiver receiver = WebhookReceiver.start(port)) {
            receiver.answer = 503; // up, but still failing for a moment
            Thread.sleep(1000);
            receiver.answer = 200;
            await().atMost(WAIT).untilAsserted(() -> {
                Set<String> ok = receiver.received.stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet());
                List<Map<String, Object>> ds = deliveries(sub.id());
                assertTrue(ds.stream().allMatch(d -> d.get("status").equals("delivered")), ds.toString());
                assertTrue(ok.containsAll(ds.stream().map(d -> (String) d.get("id")).toList()));
            });
            Set<String> news = new HashSet<>();
            for (WebhookReceiver.Received r : receiver.received) {
                assertSigned(sub, r); // retries are re-signed with a fresh timestamp
                news.add(MissionUpdateCodec.mapper().readTree(r.body()).get("changes").get(0).get("new").asText());
            }
            assertEquals(Set.of("s1", "s2", "s3", "s4", "s5"), news);
            List<Map<String, Object>> ds = deliveries(sub.id());
            assertTrue(ds.stream().allMatch(d -> (Integer) d.get("attempts") >= 2), "each was retried");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> log = (List<Map<String, Object>>) ds.get(0).get("attemptLog");
            assertTrue(log.size() >= 2, "attempts are listed: " + log);
            assertEquals(200, log.get(log.size() - 1).get("statusCode"));
        }
        given().delete("/subscriptions/{id}", sub.id()).then().statusCode(204);
    }

    @Test
    void aRestartBetweenChangeAndDeliveryStillDelivers() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Sub sub = subscribe(receiver.url(), "restart-1");
            dispatch.stop(); // the service is down
            try {
                set("restart-1", "a");
                set("restart-1", "b");
                set("restart-1", "c");
                // A replica fans out and claims one delivery, then dies before sending it.
                WebhookDispatcher dying = dispatch.newDispatcher();
                dying.fanOut();
                assertEquals(1, dying.claim(1).size());
                Thread.sleep(1000);
                assertTrue(receiver.received.isEmpty());
            } finally {
                dispatch.start(); // the restarted service
            }
            await().atMost(WAIT).untilAsserted(() -> assertEquals(3,
                    receiver.received.stream().map(WebhookReceiver.Received::id).distinct().count()));
            for (WebhookReceiver.Received r : receiver.received) {
                assertSigned(sub, r);
            }
            given().delete("/subscriptions/{id}", sub.id()).then().statusCode(204);
        }
    }

    @Test
    void twoReplicasNeverSendTheSameAttemptTwice() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Sub sub = subscribe(receiver.url(), "replicas-1");
            dispatch.stop();
            WebhookDispatcher a = dispatch.newDispatcher();
            WebhookDispatcher b = dispatch.newDispatcher();
            try {
                for (int i = 0; i < 30; i++) {
                    set("replicas-1", "n" + i);
                }
                a.start();
                b.start();
                await().atMost(WAIT).until(() -> receiver.received.size() >= 30);
                Thread.sleep(1500);
                Map<String, Integer> perId = new HashMap<>();
                receiver.received.forEach(r -> perId.merge(r.id(), 1, Integer::sum));
                assertEquals(30, perId.size());
                assertFalse(perId.values().stream().anyMatch(n -> n > 1), "a delivery was sent twice: " + perId);
            } finally {
                a.stop();
                b.stop();
                dispatch.start();
            }
            given().delete("/subscriptions/{id}", sub.id()).then().statusCode(204);
        }
    }

    @Test
    void rolledBackChangesAreNeverDelivered() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Sub sub = subscribe(receiver.url(), "wh-rb");
            given().post("/things/wh-rb/status/doomed?rollback=true").then().statusCode(500);
            set("wh-rb", "kept");
            await().atMost(WAIT).until(() -> !receiver.received.isEmpty());
            Thread.sleep(1000);
            assertEquals(1, receiver.received.size());
            assertEquals("kept", MissionUpdateCodec.mapper().readTree(receiver.received.get(0).body())
                    .get("changes").get(0).get("new").asText());
            given().delete("/subscriptions/{id}", sub.id()).then().statusCode(204);
        }
    }

    @Test
    void badSubscriptionsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("filter", Map.of())).post("/subscriptions")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("callbackUrl", "ftp://127.0.0.1/")).post("/subscriptions")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("callbackUrl", "http://127.0.0.1/", "filter", Map.of("colour", "red")))
                .post("/subscriptions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("callbackUrl", "http://127.0.0.1/", "url", "x"))
                .post("/subscriptions").then().statusCode(400);
        given().get("/subscriptions/sub_nope/deliveries").then().statusCode(404);
    }
}
