package io.crossflight.mission.rest;

import static io.crossflight.testkit.ChangeMessages.assertDeliveredPromptly;
import static io.crossflight.testkit.ChangeMessages.hasChange;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.mission.Fixtures;
import io.crossflight.mission.KafkaSupport;
import io.crossflight.testkit.CrossflightTestResource;
import io.crossflight.testkit.LoopbackWebhooks;
import io.crossflight.testkit.SseClient;
import io.crossflight.testkit.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Event subscriptions end to end: mission-update events published to the real broker, applied
 * to the real database, announced on GET /missions/stream and delivered, signed, to a real
 * HTTP receiver. A database of its own, so other tests' counts are untouched.
 */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "missions_stream"))
@TestProfile(LoopbackWebhooks.class)
class MissionStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final PersonRef RUBIO = new PersonRef("francisco-rubio", "Francisco Rubio", List.of("Frank Rubio"), "NASA", "US", "astronaut");
    private static final PersonRef WAKATA = new PersonRef("koichi-wakata", "Koichi Wakata", List.of(), "JAXA", "JP", "astronaut");

    @TestHTTPResource("/missions/stream")
    URL stream;

    @Test
    void aPublishedUpdateReachesTheStreamAndASignedWebhookWithinASecond() throws Exception {
        warmUp();
        String mission = "stream-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient sse = new SseClient(stream + "?id=" + mission); WebhookReceiver receiver = WebhookReceiver.start();
                WebhookReceiver byMission = WebhookReceiver.start()) {
            sse.awaitOpen();
            Map<String, Object> sub = given().contentType(ContentType.JSON)
                    .body(Map.of("callbackUrl", receiver.url(), "filter", Map.of("id", List.of(mission))))
                    .post("/subscriptions").then().statusCode(201).extract().as(Map.class);
            // "mission" is accepted as a filter key; for mission changes it means the mission's id
            given().contentType(ContentType.JSON)
                    .body(Map.of("callbackUrl", byMission.url(), "filter", Map.of("mission", List.of(mission))))
                    .post("/subscriptions").then().statusCode(201);
            String secret = (String) sub.get("secret");

            MissionUpdateEvent event = event("article-" + mission, "2022-09-19T10:00:00Z", mission, "scheduled", RUBIO);
            long published = publish(event);

            SseClient.Event e = sse.nextEvent(WAIT);
            assertNotNull(e, "no SSE event for the applied update");
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
            WebhookReceiver.Received r = receiver.received.get(0);
            assertEquals(WebhookReceiver.sign(secret, r.id(), Long.parseLong(r.timestamp()), r.body()), r.signature(), "signature verifies");
            JsonNode body = MissionUpdateCodec.mapper().readTree(r.body());
            assertEquals(m.get("seq"), body.get("seq"), "webhook and SSE carry the same message");
            assertEquals(m.get("changes"), body.get("changes"));

            assertDeliveredPromptly(m, published, e, r);
            await().atMost(WAIT).until(() -> !byMission.received.isEmpty());
            assertEquals(m.get("seq"), MissionUpdateCodec.mapper().readTree(byMission.received.get(0).body()).get("seq"));

            await().atMost(WAIT).untilAsserted(() -> given().get("/subscriptions/{id}/deliveries", sub.get("id"))
                    .then().statusCode(200).body("items[0].status", org.hamcrest.Matchers.equalTo("delivered")));
            given().delete("/subscriptions/{id}", sub.get("id")).then().statusCode(204);
        }
    }

    @Test
    void streamsFilterByAgencyCrewAndStatus() throws Exception {
        String a = "stream-f-" + UUID.randomUUID().toString().substring(0, 8);
        String b = a + "-b";
        try (SseClient jaxa = new SseClient(stream + "?agency=JAXA&id=" + a + "," + b);
                SseClient rubio = new SseClient(stream + "?crew=francisco-rubio&status=launched&id=" + a + "," + b)) {
            jaxa.awaitOpen();
            rubio.awaitOpen();
            publish(event("art-" + a, "2022-10-01T10:00:00Z", a, "scheduled", RUBIO));
            publish(event("art-" + b, "2022-10-01T10:00:00Z", b, "launched", WAKATA));
            publish(event("art2-" + a, "2022-10-05T10:00:00Z", a, "launched", RUBIO));

            SseClient.Event j = jaxa.nextEvent(WAIT);
            assertNotNull(j);
            assertEquals(b, MissionUpdateCodec.mapper().readTree(j.data()).get("id").asText());
            SseClient.Event r = rubio.nextEvent(WAIT);
            assertNotNull(r);
            JsonNode rm = MissionUpdateCodec.mapper().readTree(r.data());
            assertEquals(a, rm.get("id").asText());
            assertEquals("art2-" + a, rm.get("source").asText());
            assertNull(jaxa.nextEvent(Duration.ofSeconds(1)));
            assertNull(rubio.nextEvent(Duration.ofMillis(200)));
        }
    }

    @Test
    void lastEventIdResumesAndARedeliveredEventIsNotAnnouncedTwice() throws Exception {
        String mission = "stream-r-" + UUID.randomUUID().toString().substring(0, 8);
        String firstId;
        MissionUpdateEvent first = event("r1-" + mission, "2022-09-01T10:00:00Z", mission, "planned", RUBIO);
        try (SseClient sse = new SseClient(stream + "?mission=" + mission)) {
            sse.awaitOpen();
            publish(first);
            SseClient.Event e = sse.nextEvent(WAIT);
            assertNotNull(e);
            firstId = e.id();
        }
        publish(first); // redelivered: applied once, announced once
        publish(event("r2-" + mission, "2022-09-10T10:00:00Z", mission, "scheduled", RUBIO));
        try (SseClient sse = new SseClient(stream + "?mission=" + mission, firstId)) {
            SseClient.Event e = sse.nextEvent(WAIT);
            assertNotNull(e, "missed change not replayed");
            JsonNode m = MissionUpdateCodec.mapper().readTree(e.data());
            assertEquals("r2-" + mission, m.get("source").asText());
            assertTrue(hasChange(m, "status", "scheduled"));
            assertTrue(Long.parseLong(e.id()) > Long.parseLong(firstId));
            assertNull(sse.nextEvent(Duration.ofSeconds(1)), "nothing else: the redelivery changed nothing");
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static MissionUpdateEvent event(String articleId, String published, String mission, String status, PersonRef person) {
        return Fixtures.article(articleId, published, Fixtures.mission(mission, mission.toUpperCase()))
                .status(status, "The mission is " + status + ".")
                .crew(person, CrewClaim.PRIME, "flight engineer", "The crew of " + mission + " includes " + person.name() + ".")
                .build();
    }

    /** Publishes like the ingest service; returns when the broker acknowledged. */
    private static long publish(MissionUpdateEvent e) {
        KafkaSupport.send(e);
        return System.nanoTime();
    }

    /** The consumer joins its group and the pools fill before latency is measured. */
    private static void warmUp() {
        MissionUpdateEvent e = event("warm-" + UUID.randomUUID(), "2022-01-01T00:00:00Z", "stream-warm-up", "planned", RUBIO);
        publish(e);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/applied-events/" + e.id()).statusCode() == 200);
    }
}
