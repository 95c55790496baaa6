package io.crossflight.mission;

import static io.crossflight.mission.KafkaSupport.awaitApplied;
import static io.crossflight.mission.KafkaSupport.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.CrossflightTestResource;
import io.crossflight.testkit.TestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 4, "Replay": a store rebuilt from the beginning of the topic equals the live one. */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "missions"))
class RebuildTest {

    @Test
    void aRebuiltStoreEqualsTheLiveOne() throws Exception {
        MissionRef soyuz = Fixtures.mission("rb-soyuz", "Rebuild Soyuz", "RB-1");
        MissionRef crew = Fixtures.mission("rb-crew", "Rebuild Crew");
        List<MissionUpdateEvent> events = Fixtures.sequence("rb-", soyuz, crew);
        // Live: out of order, with a duplicate and a poison record in between.
        send(events.get(6), events.get(0), events.get(3));
        KafkaSupport.sendRaw("rb-soyuz", "{\"broken\": true");
        send(events.get(1), events.get(0), events.get(5), events.get(2), events.get(4));
        awaitApplied(events.toArray(MissionUpdateEvent[]::new));

        try (StoreHarness db = new StoreHarness(TestInfra.jdbcUrl("missions"), TestInfra.username(), TestInfra.password())) {
            String live = db.snapshot();
            String liveDoc = given().get("/missions/rb-crew").then().statusCode(200).extract().asString();
            String liveHistory = given().get("/missions/rb-soyuz/history").then().statusCode(200).extract().asString();

            given().post("/admin/rebuild").then().statusCode(202).body("state", equalTo("running"));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !"running".equals(given().get("/admin/rebuild").then().extract().path("state")));
            given().get("/admin/rebuild").then()
                    .body("state", equalTo("succeeded"))
                    .body("recordsSkipped", greaterThanOrEqualTo(1))
                    .body("eventsApplied", greaterThanOrEqualTo(events.size()));

            assertEquals(live, db.snapshot());
            assertEquals(liveDoc, given().get("/missions/rb-crew").then().statusCode(200).extract().asString());
            assertEquals(liveHistory.replaceAll("\"appliedAt\":\"[^\"]+\"", ""),
                    given().get("/missions/rb-soyuz/history").then().extract().asString().replaceAll("\"appliedAt\":\"[^\"]+\"", ""));
        }

        // The live consumer kept its place: new events still arrive after a rebuild.
        MissionUpdateEvent after = Fixtures.article("rb-a9", "2022-10-14T10:00:00Z", crew).status("docked", "Crew docked.").build();
        send(after);
        awaitApplied(after);
        given().get("/missions/rb-crew").then().body("status", equalTo("docked"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
