package io.crossflight.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionUpdateCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An accepted article's events reach Kafka even though the broker was down when it was accepted. */
@QuarkusTest
@WithTestResource(KafkaOutageResource.class)
class OutboxWhileKafkaDownTest {

    @Test
    void eventsQueuedDuringAnOutageArePublishedOnceWhenKafkaIsBack() throws InterruptedException {
        String id = given().contentType("application/json")
                .body("{\"body\": \"Roscosmos cosmonaut Oleg Example and NASA astronaut Ann Example will launch on Soyuz MS-99 "
                        + "from Baikonur Cosmodrome on October 3.\", \"publishedAt\": \"2026-09-01\"}")
                .post("/articles").then().statusCode(202).extract().path("id");
        List<String> eventIds = given().get("/articles/" + id).then().extract().path("updates.eventId");
        assertEquals(false, eventIds.isEmpty(), "the article names a mission");

        Thread.sleep(3_000);
        given().get("/articles/" + id).then().body("updates[0].sentToKafkaAt", nullValue());
        assertEquals(eventIds.size(), IngestTestSupport.count("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        // each failed try is on the row: how often, and why
        await().atMost(Duration.ofSeconds(60)).until(() -> IngestTestSupport.count(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL AND attempts > 0 AND last_error IS NOT NULL") == eventIds.size());

        KafkaOutageResource.proxy.up();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/articles/" + id).then().body("updates[0].sentToKafkaAt", notNullValue()));
        List<String> onTopic = IngestTestSupport.readTopic("mission-updates", Duration.ofSeconds(1)).stream()
                .map(r -> MissionUpdateCodec.parse(r.value()).id())
                .filter(eventIds::contains).toList();
        assertEquals(eventIds.size(), onTopic.size(), "each queued event reached Kafka exactly once");
        assertEquals(0, IngestTestSupport.count("SELECT count(*) FROM outbox WHERE published_at IS NULL"));
        String mine = "event_id IN ('" + String.join("', '", eventIds) + "')";
        assertEquals(0, IngestTestSupport.count("SELECT count(*) FROM outbox WHERE " + mine + " AND (last_error IS NOT NULL OR attempts < 2)"),
                "a sent row has no error left, and counts the failed tries and the one that worked");
    }
}
