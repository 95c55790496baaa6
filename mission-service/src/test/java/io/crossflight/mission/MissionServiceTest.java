package io.crossflight.mission;

import static io.crossflight.mission.KafkaSupport.awaitApplied;
import static io.crossflight.mission.KafkaSupport.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.CrossflightTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * mission-service end to end on a real broker and a real database: events are published with a
 * plain Kafka producer, answers are read over HTTP. Each test uses missions of its own.
 */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "missions"))
class MissionServiceTest {

    @Inject
    DataSource dataSource;

    @Test
    void seedsPublishedNewestFirstGiveTheLatestPublishedFacts() {
        List<MissionUpdateEvent> events = new ArrayList<>(Fixtures.sequence("seed-", Fixtures.SOYUZ_MS_22, Fixtures.CREW_5));
        java.util.Collections.reverse(events); // the worst order: every older article arrives late
        events.forEach(KafkaSupport::send);
        awaitApplied(events.toArray(MissionUpdateEvent[]::new));

        given().get("/missions/soyuz-ms-22").then().statusCode(200)
                .contentType("application/json")
                .body("id", equalTo("soyuz-ms-22"))
                .body("name", equalTo("Soyuz MS-22"))
                .body("aliases", hasItems("68S", "Союз МС-22"))
                .body("spacecraft", equalTo("Soyuz MS"))
                .body("launchVehicle", equalTo("Soyuz-2.1a"))
                .body("launchSite", equalTo("Baikonur Cosmodrome"))
                .body("destination", equalTo("ISS"))
                .body("launchDate.value", equalTo("2022-09-21"))
                .body("launchDate.precision", equalTo("day"))
                .body("launchDate.text", equalTo("this Wednesday, September 21"))
                .body("status", equalTo("scheduled"))
                // Kikina was prime in December 2021 and taken off in July 2022: the newer article wins.
                .body("crew.id", contains("sergey-prokopyev", "dmitry-petelin", "francisco-rubio"))
                .body("crew.find { it.id == 'francisco-rubio' }.name", equalTo("Francisco Rubio"))
                .body("crew.find { it.id == 'francisco-rubio' }.agency", equalTo("NASA"))
                .body("crew.assignment", everyItem(equalTo("prime")))
                .body("crew[0].position", equalTo("commander"))
                .body("updatedAt", equalTo("2022-09-19T00:00:00Z"))
                .body("sources.articleId", contains("seed-a1", "seed-a2", "seed-a3"))
                .body("sources[0].publishedAt", equalTo("2021-12-10T09:00:00Z"))
                .body("provenance.status.articleId", equalTo("seed-a3"))
                .body("provenance.'crew.francisco-rubio'.articleId", equalTo("seed-a3"))
                .body("provenance.launchVehicle.evidence[0]", containsString("Soyuz-2.1a launch vehicle"));

        // A stale "scheduled for October 3", published before the launch report, arrived after it: ignored.
        given().get("/missions/crew-5").then().statusCode(200)
                .body("status", equalTo("launched"))
                .body("launchDate.value", equalTo("2022-10-05"))
                .body("launchSite", equalTo("Kennedy Space Center"))
                .body("crew.id", containsInAnyOrder("nicole-mann", "josh-cassada", "koichi-wakata", "anna-kikina"))
                .body("crew[0].id", equalTo("nicole-mann"));

        // History: publication order, the swap with its source, Kikina's December claim overruled.
        JsonPath history = given().get("/missions/soyuz-ms-22/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("seed-a1", "seed-a2", "seed-a3"), history.getList("items.articleId"));
        assertEquals("superseded", history.getString("items[0].claims.find { it.field == 'crew.anna-kikina' }.outcome"));
        assertEquals("seed-a2", history.getString("items[0].superseded.find { it.field == 'crew.anna-kikina' }.supersededBy.articleId"));
        assertEquals("removed", history.getString("items[0].superseded.find { it.field == 'crew.anna-kikina' }.supersededBy.value"));
        assertTrue(history.getString("items[1].evidence[1]").contains("Франциско Рубио"), history.prettify());
        assertEquals("Anna Kikina", history.getString("items[1].changes.find { it.field == 'crew.anna-kikina' }.old.name"));
        assertEquals((Object) null, history.get("items[1].changes.find { it.field == 'crew.anna-kikina' }.new"));
        assertEquals("prime", history.getString("items[1].changes.find { it.field == 'crew.francisco-rubio' }.new.assignment"));
        assertEquals("planned", history.getString("items[0].changes.find { it.field == 'status' }.new"));
        assertEquals("scheduled", history.getString("items[2].changes.find { it.field == 'status' }.new"));

        // Crew-5: every launch-date claim, each with its source and sentence; only the latest is current.
        JsonPath crew5 = given().get("/missions/crew-5/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2022-09-01", "2022", "2022-10-03", "2022-10-05"),
                crew5.getList("items.claims.flatten().findAll { it.field == 'launchDate' }.value.value"));
        assertEquals(List.of("superseded", "superseded", "superseded", "current"),
                crew5.getList("items.claims.flatten().findAll { it.field == 'launchDate' }.outcome"));
        assertTrue(crew5.getString("items[0].evidence[1]").contains("targeted for launch on September 1"), crew5.prettify());

        // asOf: the mission as January 2022 news described it.
        given().get("/missions/soyuz-ms-22?asOf=2022-01-01").then().statusCode(200)
                .body("status", equalTo("planned"))
                .body("launchDate.value", equalTo("2022-09"))
                .body("launchVehicle", nullValue())
                .body("crew.id", contains("sergey-prokopyev", "anna-kikina", "dmitry-petelin"))
                .body("sources.articleId", contains("seed-a1"));
        given().get("/missions/soyuz-ms-22?asOf=2022-07-15T12:00:00Z").then().statusCode(200)
                .body("crew.id", not(hasItem("anna-kikina")))
                .body("crew.id", hasItem("francisco-rubio"));
        // Seed 000 (seed-a3) is published at 2022-09-19T00:00:00Z: the day before must not see it
        given().get("/missions/soyuz-ms-22?asOf=2022-09-18").then().statusCode(200)
                .body("sources.articleId", contains("seed-a1", "seed-a2"));
        given().get("/missions/soyuz-ms-22?asOf=2022-09-19").then().statusCode(200)
                .body("sources.articleId", hasItem("seed-a3"));
        given().get("/missions/crew-5?asOf=2022-09-30").then().statusCode(200)
                .body("status", equalTo("scheduled"))
                .body("launchDate.value", equalTo("2022-10-03"));
        given().get("/missions/soyuz-ms-22?asOf=2021-01-01").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("No article published up to 2021-01-01"));
    }

    @Test
    void changesAreLoggedForSubscribersWithTheNewStateAndTags() throws Exception {
        MissionRef m = Fixtures.mission("log-ms-1", "Log MS-1");
        MissionUpdateEvent first = Fixtures.soyuzDecember("log-a1", m);
        MissionUpdateEvent swap = Fixtures.soyuzJuly("log-a2", m);
        send(first, swap);
        awaitApplied(first, swap);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT payload::text FROM change_log WHERE entity_id = ? ORDER BY seq")) {
            ps.setString(1, "log-ms-1");
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
            assertEquals(2, payloads.size(), payloads.toString());
            JsonPath notice = new JsonPath(payloads.get(1));
            assertEquals("mission.changed", notice.getString("type"));
            assertEquals("log-a2", notice.getString("source"));
            assertEquals(swap.id(), notice.getString("eventId"));
            assertEquals(List.of("crew.anna-kikina", "crew.francisco-rubio"), notice.getList("changes.field"));
            assertEquals(List.of("sergey-prokopyev", "dmitry-petelin", "francisco-rubio"), notice.getList("state.crew.id"));
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        MissionRef m = Fixtures.mission("dup-ms-1", "Dup MS-1");
        MissionUpdateEvent e = Fixtures.soyuzDecember("dup-a1", m);
        MissionUpdateEvent later = Fixtures.soyuzSeptember("dup-a2", m);
        double before = metric("crossflight_events_duplicates_total");
        send(e, e, later, e); // same key, same partition: applied in this order
        awaitApplied(e, later);
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("crossflight_events_duplicates_total") >= before + 2);
        given().get("/missions/dup-ms-1/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.articleId", contains("dup-a1", "dup-a2"));
        given().get("/missions/dup-ms-1").then().body("sources", hasSize(2));
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheReasonAndTheConsumerGoesOn() {
        String notJson = "this is not JSON {";
        double deadLettered = metric("crossflight_events_dead_lettered_total");
        MissionUpdateEvent future = Fixtures.soyuzDecember("poison-a1", Fixtures.mission("poison-ms-1", "Poison MS-1"));
        String unknownVersion = MissionUpdateCodec.toJson(future).replace("\"schemaversion\":1", "\"schemaversion\":99");
        KafkaSupport.sendRaw("poison-ms-1", notJson);
        KafkaSupport.sendRaw("poison-ms-1", unknownVersion);
        MissionUpdateEvent good = Fixtures.soyuzDecember("poison-a2", Fixtures.mission("poison-ms-1", "Poison MS-1"));
        send(good);
        awaitApplied(good);
        given().get("/applied-events/" + future.id()).then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dlq = KafkaSupport.readAll(KafkaSupport.DLQ);
            assertTrue(reason(dlq, notJson).contains("not a mission-update JSON document"), reason(dlq, notJson));
            assertTrue(reason(dlq, unknownVersion).contains("unknown schema version 99"), reason(dlq, unknownVersion));
        });
        given().get("/missions/poison-ms-1").then().statusCode(200).body("sources.articleId", contains("poison-a2"));
        assertTrue(metric("crossflight_events_dead_lettered_total") >= deadLettered + 2, "both poison records counted");
    }

    @Test
    void aBatchWithPoisonAndAnEventTheStoreRefusesAppliesEveryOtherEventOnce() {
        MissionRef m = Fixtures.mission("burst-ms-1", "Burst MS-1");
        MissionUpdateEvent e1 = Fixtures.soyuzDecember("burst-a1", m);
        MissionUpdateEvent e2 = Fixtures.soyuzJuly("burst-a2", m);
        MissionUpdateEvent e3 = Fixtures.soyuzSeptember("burst-a3", m);
        // Valid JSON and a valid event, but PostgreSQL text cannot hold a NUL character.
        MissionUpdateEvent refused = Fixtures.article("burst-a4", "2022-10-01T10:00:00Z", m).title("Scraped \u0000 title")
                .status("scrubbed", "It was scrubbed.").build();
        String notJson = "burst: not JSON {";
        double appliedBefore = metric("crossflight_events_applied_total");
        KafkaSupport.sendBurst(m.id(), List.of(MissionUpdateCodec.toJson(e1), notJson, MissionUpdateCodec.toJson(e2),
                MissionUpdateCodec.toJson(refused), MissionUpdateCodec.toJson(e3), MissionUpdateCodec.toJson(e1)));
        awaitApplied(e1, e2, e3);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dlq = KafkaSupport.readAll(KafkaSupport.DLQ);
            assertTrue(reason(dlq, notJson).contains("not a mission-update JSON document"), reason(dlq, notJson));
            String refusedReason = reason(dlq, MissionUpdateCodec.toJson(refused));
            assertTrue(refusedReason.startsWith("event " + refused.id() + " cannot be applied"), refusedReason);
        });
        given().get("/applied-events/" + refused.id()).then().statusCode(404);
        given().get("/missions/burst-ms-1").then().statusCode(200)
                .body("sources.articleId", contains("burst-a1", "burst-a2", "burst-a3"))
                .body("status", not(equalTo("scrubbed")));
        given().get("/missions/burst-ms-1/history").then().body("items", hasSize(3));
        assertTrue(metric("crossflight_events_applied_total") >= appliedBefore + 3);

        // The same burst again (a producer retrying everything): nothing new is applied, and no more history.
        KafkaSupport.sendBurst(m.id(), List.of(MissionUpdateCodec.toJson(e1), MissionUpdateCodec.toJson(e2), MissionUpdateCodec.toJson(e3)));
        MissionUpdateEvent marker = Fixtures.article("burst-a5", "2022-06-01T10:00:00Z", Fixtures.mission("burst-ms-2", "Burst MS-2"))
                .status("planned", "Planned.").build();
        KafkaSupport.sendBurst(m.id(), List.of(MissionUpdateCodec.toJson(marker))); // same partition: consumed after the replay
        awaitApplied(marker);
        given().get("/missions/burst-ms-1/history").then().body("items", hasSize(3));
        given().get("/missions/burst-ms-1").then().body("sources", hasSize(3));
    }

    private static double metric(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String value) {
        for (ConsumerRecord<String, String> r : records) {
            if (value.equals(r.value())) {
                Header h = r.headers().lastHeader("dead-letter-reason");
                return h == null ? "(no dead-letter-reason header)" : new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return "(not on the DLQ)";
    }

    @Test
    void searchMatchesNamesAndAliasesInAnyScriptWithTyposAndFilters() {
        MissionUpdateEvent ms21 = Fixtures.article("srch-a1", "2022-03-18T16:00:00Z",
                        Fixtures.mission("soyuz-ms-21", "Soyuz MS-21", "67S", "Союз МС-21"))
                .launchDate("2022-03-18", "day", "March 18", "Soyuz MS-21 launched on March 18.")
                .status("docked", "Soyuz MS-21 docked three hours later.")
                .crew(new io.crossflight.events.PersonRef("oleg-artemyev", "Oleg Artemyev", List.of(), "Roscosmos", "RU", "cosmonaut"),
                        "prime", "commander", "Oleg Artemyev commands Soyuz MS-21.")
                .build();
        MissionUpdateEvent ax1 = Fixtures.article("srch-a2", "2022-04-08T15:00:00Z",
                        Fixtures.mission("axiom-mission-1", "Axiom Mission 1", "Ax-1", "Misión Axiom 1"))
                .launchDate("2022-04-08", "day", "April 8", "Ax-1 lifted off on April 8.")
                .status("landed", "The Ax-1 crew splashed down.")
                .crew(new io.crossflight.events.PersonRef("michael-lopez-alegria", "Michael López-Alegría", List.of(), "Axiom Space", "US",
                        "private astronaut"), "prime", "commander", "Michael López-Alegría commanded Ax-1.")
                .build();
        MissionUpdateEvent sz14 = Fixtures.article("srch-a3", "2022-06-05T02:44:00Z",
                        Fixtures.mission("shenzhou-14", "Shenzhou-14", "神舟十四号"))
                .launchDate("2022-06", "month", "in June", "Shenzhou-14 launched in June.")
                .status("landed", "Shenzhou-14 landed.")
                .build();
        send(ms21, ax1, sz14);
        awaitApplied(ms21, ax1, sz14);

        // Latin, Cyrillic, Chinese, other case, accents, a typo, a missing hyphen: the exact mission ranks first.
        for (String q : List.of("Soyuz MS-21", "союз мс-21", "SOYUZ ms21", "Soyz MS-21", "67s")) {
            given().queryParam("q", q).get("/missions").then().statusCode(200).body("items[0].id", equalTo("soyuz-ms-21"));
        }
        for (String q : List.of("ax-1", "AXIOM mission", "mision axiom", "Axiom Misión")) {
            given().queryParam("q", q).get("/missions").then().statusCode(200).body("items[0].id", equalTo("axiom-mission-1"));
        }
        given().queryParam("q", "神舟十四号").get("/missions").then().body("items[0].id", equalTo("shenzhou-14"));
        given().queryParam("q", "shenzhou 14").get("/missions").then().body("items[0].id", equalTo("shenzhou-14"));
        given().queryParam("q", "zzqqxx").get("/missions").then().statusCode(200).body("items", empty()).body("total", equalTo(0));

        // Filters, range, sort and stable pages over exactly these three.
        String spring = "/missions?launchedFrom=2022-03-01&launchedTo=2022-06-30&sort=launchDate";
        given().get(spring + "&size=2&page=0").then().statusCode(200)
                .body("items.id", contains("soyuz-ms-21", "axiom-mission-1"))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
        given().get(spring + "&size=2&page=1").then().body("items.id", contains("shenzhou-14")).body("total", equalTo(3));
        given().get(spring + "&size=2&page=2").then().body("items", empty()).body("total", equalTo(3));
        given().get("/missions?launchedFrom=2022-03-01&launchedTo=2022-06-30&sort=-launchDate")
                .then().body("items.id", contains("shenzhou-14", "axiom-mission-1", "soyuz-ms-21"));
        given().get("/missions?launchedFrom=2022-06-15&launchedTo=2022-06-15").then()
                .body("items.id", contains("shenzhou-14")); // "June 2022" overlaps the 15th
        given().get("/missions?launchedFrom=2022-03-01&launchedTo=2022-06-30&status=landed&sort=name")
                .then().body("items.id", contains("axiom-mission-1", "shenzhou-14"));
        given().get("/missions?status=docked,landed&crew=oleg-artemyev").then().body("items.id", contains("soyuz-ms-21"));
        given().get("/missions?crew=Michael López-Alegría").then().body("items.id", contains("axiom-mission-1"));
        given().get("/missions?agency=axiom space").then().body("items.id", contains("axiom-mission-1"));
        given().get("/missions?q=soyuz&status=docked").then().body("items.id", contains("soyuz-ms-21"));
        given().get("/missions?size=1").then().body("items", hasSize(1)).body("items[0].id", notNullValue());
    }

    @Test
    void badParametersAndUnknownMissionsAreProblems() {
        String[][] cases = {
                { "/missions?page=-1", "page" }, { "/missions?size=0", "size" }, { "/missions?size=101", "size" },
                { "/missions?size=ten", "size" }, { "/missions?status=flying", "Unknown status 'flying'" },
                { "/missions?launchedFrom=2022-13-01", "launchedFrom" }, { "/missions?launchedFrom=2022-05-01&launchedTo=2022-01-01", "after" },
                { "/missions?sort=weight", "Unknown sort" }, { "/missions/soyuz-ms-22?asOf=yesterday", "asOf" },
                { "/missions/soyuz-ms-22?asOf=2022-02-30", "asOf" } };
        for (String[] c : cases) {
            given().get(c[0]).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", equalTo("Bad Request"))
                    .body("detail", containsString(c[1]));
        }
        given().get("/missions/no-such-mission").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found")).body("detail", containsString("no-such-mission"));
        given().get("/missions/Soyuz MS-22").then().statusCode(404).body("detail", containsString("did you mean 'soyuz-ms-22'"));
        given().get("/missions/no-such-mission/history").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theSharedAndTheServiceMigrationsAreApplied() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
                ResultSet rs = ps.executeQuery()) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            assertTrue(versions.containsAll(List.of("0.1", "0.2", "1.1")), versions.toString());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(1, rs.getInt(1), "pg_trgm installed");
        }
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("mission-store"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
        // The intake is a startup bean: its counters exist before (and whether or not) a record arrives.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("crossflight_events_applied_total"))
                .body(containsString("crossflight_events_duplicates_total"))
                .body(containsString("crossflight_events_dead_lettered_total"))
                .body(containsString("crossflight_events_retries_total"))
                .body(containsString("crossflight_events_batch_fallbacks_total"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/missions/{id}/history"))
                .body(containsString("/admin/rebuild"));
    }
}
