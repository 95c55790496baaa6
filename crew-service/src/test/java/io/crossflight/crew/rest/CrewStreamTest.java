package io.crossflight.crew.rest;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossflight.crew.KafkaTestSupport;
import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
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
 * GET /crew/stream end to end: mission-update events published to the real broker, applied to
 * the real database, announced as crew.changed, filtered by person, agency and mission; and a
 * signed webhook delivery from crew-service. A database of its own, so other tests' counts are untouched.
 */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "crew_stream"))
@TestProfile(LoopbackWebhooks.class)
class CrewStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final PersonRef RUBIO = new PersonRef("francisco-rubio", "Francisco Rubio", List.of("Frank Rubio"), "NASA", "US", "astronaut");

    @TestHTTPResource("/crew/stream")
    URL stream;

    @Test
    void aPersonsChangeReachesTheStreamAndAWebhookWithinASecond() throws Exception {
        warmUp();
        String mission = "crew-stream-" + UUID.randomUUID().toString().substring(0, 8);
        PersonRef person = new PersonRef(mission + "-pilot", "Pilot " + mission, List.of(), "ESA", "DE", "astronaut");
        try (SseClient sse = new SseClient(stream + "?person=" + person.id()); WebhookReceiver receiver = WebhookReceiver.start()) {
            sse.awaitOpen();
            Map<String, Object> sub = given().contentType(ContentType.JSON)
                    .body(Map.of("callbackUrl", receiver.url(), "filter", Map.of("person", person.id())))
                    .post("/subscriptions").then().statusCode(201).extract().as(Map.class);

            MissionUpdateEvent event = event("article-" + mission, "2022-09-19T10:00:00Z", mission, "scheduled", person);
            long published = publish(event);
            SseClient.Event e = sse.nextEvent(WAIT);
            assertNotNull(e, "no crew.changed event");
            JsonNode m = MissionUpdateCodec.mapper().readTree(e.data());
            assertEquals("crew.changed", e.name());
            assertEquals("crew.changed", m.get("type").asText());
            assertEquals(person.id(), m.get("id").asText());
            assertEquals("article-" + mission, m.get("source").asText());
            assertTrue(hasChange(m, "agency", "ESA"), m.toString());
            assertEquals(person.id(), m.get("state").get("id").asText());

            await().atMost(WAIT).until(() -> !receiver.received.isEmpty());
            WebhookReceiver.Received r = receiver.received.get(0);
            assertEquals(WebhookReceiver.sign((String) sub.get("secret"), r.id(), Long.parseLong(r.timestamp()), r.body()), r.signature());
            assertEquals(person.id(), MissionUpdateCodec.mapper().readTree(r.body()).get("id").asText());
            assertDeliveredPromptly(m, published, e, r);
            given().delete("/subscriptions/{id}", sub.get("id")).then().statusCode(204);
        }
    }

    @Test
    void streamsFilterByAgencyAndMission() throws Exception {
        String m1 = "crew-f-" + UUID.randomUUID().toString().substring(0, 8);
        String m2 = m1 + "-two";
        PersonRef nasa = new PersonRef(m1 + "-nasa", "Nasa " + m1, List.of(), "NASA", "US", "astronaut");
        PersonRef jaxa = new PersonRef(m1 + "-jaxa", "Jaxa " + m1, List.of(), "JAXA", "JP", "astronaut");
        try (SseClient byAgency = new SseClient(stream + "?agency=jaxa&id=" + nasa.id() + "," + jaxa.id());
                SseClient byMission = new SseClient(stream + "?mission=" + m2)) {
            byAgency.awaitOpen();
            byMission.awaitOpen();
            publish(event("a-" + m1, "2022-10-01T10:00:00Z", m1, "scheduled", nasa));
            publish(event("a-" + m2, "2022-10-01T10:00:00Z", m2, "scheduled", jaxa));

            SseClient.Event a = byAgency.nextEvent(WAIT);
            assertNotNull(a);
            assertEquals(jaxa.id(), MissionUpdateCodec.mapper().readTree(a.data()).get("id").asText());
            SseClient.Event b = byMission.nextEvent(WAIT);
            assertNotNull(b);
            assertEquals(jaxa.id(), MissionUpdateCodec.mapper().readTree(b.data()).get("id").asText());
            assertNull(byAgency.nextEvent(Duration.ofSeconds(1)));
            assertNull(byMission.nextEvent(Duration.ofMillis(200)));
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static MissionUpdateEvent event(String articleId, String published, String mission, String status, PersonRef person) {
        String sentence = "The crew of " + mission + " includes " + person.name() + ".";
        return MissionUpdateEvent.of(new MissionUpdateData(articleId, Instant.parse(published), true, "Article " + articleId,
                "Test Outlet", "https://news.example/" + articleId,
                new MissionRef(mission, mission.toUpperCase(), List.of(), true),
                new MissionFacts(null, null, null, null, null, Fact.of(status, "The mission is " + status + ".", 0.8)),
                List.of(new CrewClaim(person, CrewClaim.PRIME, "flight engineer", List.of(sentence), 0.9))));
    }

    /** Publishes like the ingest service; returns when the broker acknowledged. */
    private static long publish(MissionUpdateEvent e) {
        KafkaTestSupport.send(List.of(e));
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
