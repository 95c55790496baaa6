package io.crossflight.crew;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.testkit.CrossflightTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** POST /admin/rebuild re-reads the topic from the beginning and ends identical to the live store. */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "crew"))
class RebuildTest {

    @Test
    void rebuildFromTheTopicEqualsTheLiveStoreAndRepairsIt() throws Exception {
        CrewServiceTest.storyApplied();
        KafkaTestSupport.sendRaw("poison", "{\"specversion\": \"1.0\"");
        await().atMost(Duration.ofSeconds(60)).until(KafkaTestSupport::caughtUp);

        try (StoreFixture db = new StoreFixture("crew", false)) {
            String live = db.dump();
            String listing = given().queryParam("size", 100).get("/crew").then().statusCode(200).extract().asString();

            // Damage the materialised rows and the claims behind them behind the service's back.
            db.execute("DELETE FROM crew_persons WHERE id = 'anna-kikina'");
            db.execute("UPDATE crew_persons SET name = 'Wrong', view = jsonb_set(view, '{name}', '\"Wrong\"') WHERE id = 'dmitry-petelin'");
            db.execute("DELETE FROM crew_claims WHERE person_id = 'oleg-kononenko'");
            given().get("/crew/anna-kikina").then().statusCode(404);
            assertThat(db.dump()).isNotEqualTo(live);

            JsonPath report = given().post("/admin/rebuild").then().statusCode(200).extract().jsonPath();
            assertThat(report.getLong("applied")).isGreaterThanOrEqualTo(CrewEvents.story().size());
            assertThat(report.getLong("invalid")).isGreaterThanOrEqualTo(1);
            // Refused: exactly the events the live consumer dead-lettered as "cannot be applied" (other tests may have sent one).
            assertThat(report.getLong("failed")).isEqualTo(refusedLive());
            assertThat(report.getLong("changedPersons")).isEqualTo(2); // Kikina came back, Petelin's name was repaired

            assertThat(db.dump()).isEqualTo(live);
            assertThat(given().queryParam("size", 100).get("/crew").then().extract().asString()).isEqualTo(listing);
            given().get("/crew/oleg-kononenko/history").then().statusCode(200).body("size()", equalTo(1));

            // A second rebuild of a correct store changes nothing.
            given().post("/admin/rebuild").then().statusCode(200).body("changedPersons", equalTo(0));
            assertThat(db.dump()).isEqualTo(live);
        }

        // The live consumer carries on after a rebuild.
        MissionUpdateEvent later = CrewEvents.event("art-after-rebuild", "2023-05-01T10:00:00Z",
                new MissionRef("test-rebuild-mission", "Test Rebuild Mission", List.of(), true), "planned",
                CrewEvents.claim(new PersonRef("test-after-rebuild", "After Rebuild", List.of(), "ESA", "IT", "astronaut"),
                        "prime", null, "After Rebuild will fly."));
        KafkaTestSupport.send(List.of(later));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/crew/test-after-rebuild").then().statusCode(200));
    }

    private static long refusedLive() {
        return KafkaTestSupport.readAll(KafkaTestSupport.DLQ).stream()
                .filter(r -> {
                    var h = r.headers().lastHeader("dead-letter-reason");
                    return h != null && new String(h.value(), java.nio.charset.StandardCharsets.UTF_8).contains("cannot be applied");
                })
                .map(r -> r.value()).distinct().count();
    }
}
