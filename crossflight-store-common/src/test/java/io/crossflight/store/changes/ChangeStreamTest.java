package io.crossflight.store.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.store.testapp.PostgresOnlyResource;
import io.crossflight.store.testapp.TestDb;
import io.crossflight.testkit.SseClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** SSE streams over the change log, on real PostgreSQL with a real HTTP client. */
@QuarkusTest
@WithTestResource(PostgresOnlyResource.class)
class ChangeStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/things/stream")
    URL stream;

    private static long set(String id, String status) {
        given().post("/things/{id}/status/{status}", id, status).then().statusCode(200);
        return System.nanoTime(); // the response is sent after the commit
    }

    @Test
    void aCommittedChangeReachesTheStreamWithinASecond() throws Exception {
        try (SseClient client = new SseClient(stream + "?id=live-1", null)) {
            assertEquals(200, client.status());
            client.awaitOpen();
            long committed = set("live-1", "scheduled");
            SseClient.Event e = client.nextEvent(WAIT);
            assertNotNull(e, "no event for a committed change");
            long latencyMs = (e.receivedNanos() - committed) / 1_000_000;
            assertTrue(latencyMs < 1000, "commit → SSE took " + latencyMs + " ms");

            assertEquals("mission.changed", e.name());
            JsonNode m = MissionUpdateCodec.mapper().readTree(e.data());
            assertEquals("mission.changed", m.get("type").asText());
            assertEquals("live-1", m.get("id").asText());
            assertEquals("status", m.get("changes").get(0).get("field").asText());
            assertTrue(m.get("changes").get(0).get("old").isNull());
            assertEquals("scheduled", m.get("changes").get(0).get("new").asText());
            assertEquals("article-scheduled", m.get("source").asText());
            assertEquals("event-live-1-scheduled", m.get("eventId").asText());
            assertEquals("scheduled", m.get("state").get("status").asText());
            assertEquals(e.id(), m.get("seq").asText(), "the SSE id is the change_log seq");
        }
    }

    @Test
    void filtersKeepOnlyMatchingChanges() throws Exception {
        try (SseClient launched = new SseClient(stream + "?status=launched&id=filter-a,filter-b", null)) {
            launched.awaitOpen();
            set("filter-a", "scheduled");
            set("filter-c", "launched");
            set("filter-b", "launched");
            SseClient.Event e = launched.nextEvent(WAIT);
            assertNotNull(e);
            JsonNode m = MissionUpdateCodec.mapper().readTree(e.data());
            assertEquals("filter-b", m.get("id").asText());
            assertNull(launched.nextEvent(Duration.ofMillis(700)), "nothing else matches");
        }
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced() throws Exception {
        try (SseClient client = new SseClient(stream + "?id=rb-1", null)) {
            client.awaitOpen();
            given().post("/things/rb-1/status/doomed?rollback=true").then().statusCode(500);
            set("rb-1", "kept");
            SseClient.Event e = client.nextEvent(WAIT);
            assertNotNull(e);
            assertEquals("kept", MissionUpdateCodec.mapper().readTree(e.data()).get("changes").get(0).get("new").asText(),
                    "the first event must be the committed change, not the rolled-back one");
            assertNull(client.nextEvent(Duration.ofMillis(700)));
        }
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM change_log WHERE entity_id = 'rb-1' AND payload::text LIKE '%doomed%'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the rolled-back change left nothing in change_log");
        }
    }

    @Test
    void lastEventIdResumesWithoutGapsOrRepeats() throws Exception {
        List<String> ids = new ArrayList<>();
        try (SseClient first = new SseClient(stream + "?id=resume-1", null)) {
            first.awaitOpen();
            for (String s : List.of("s1", "s2", "s3")) {
                set("resume-1", s);
            }
            for (int i = 0; i < 3; i++) {
                SseClient.Event e = first.nextEvent(WAIT);
                assertNotNull(e);
                ids.add(e.id());
            }
        }
        // Missed while disconnected, with other things' changes in between.
        set("resume-1", "s4");
        set("resume-other", "x");
        set("resume-1", "s5");
        try (SseClient again = new SseClient(stream + "?id=resume-1", ids.get(1))) {
            List<String> news = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                SseClient.Event e = again.nextEvent(WAIT);
                assertNotNull(e, "resumed stream stopped after " + news);
                news.add(MissionUpdateCodec.mapper().readTree(e.data()).get("changes").get(0).get("new").asText());
                seqs.add(Long.parseLong(e.id()));
            }
            assertEquals(List.of("s3", "s4", "s5"), news);
            assertTrue(seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2));
            set("resume-1", "s6");
            SseClient.Event live = again.nextEvent(WAIT);
            assertNotNull(live);
            assertEquals("s6", MissionUpdateCodec.mapper().readTree(live.data()).get("changes").get(0).get("new").asText());
            assertNull(again.nextEvent(Duration.ofMillis(500)));
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() throws Exception {
        try (SseClient client = new SseClient(stream + "?id=idle-nothing-happens", null)) {
            client.awaitOpen();
            SseClient.Event e = client.next(Duration.ofSeconds(10)); // heartbeat is 1s in the test config
            assertNotNull(e);
            assertTrue(e.isComment());
            assertEquals("heartbeat", e.comment());
        }
    }

    @Test
    void aBadLastEventIdIsAProblem() {
        given().header("Last-Event-ID", "yesterday").accept("text/event-stream").get("/things/stream")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("Last-Event-ID"));
    }
}
