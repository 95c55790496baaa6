package io.crossflight.crew;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.testkit.CrossflightTestResource;
import io.crossflight.testkit.TestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * crew-service end to end: events produced to the real broker with a plain producer, consumed into the
 * real PostgreSQL store, answered over real HTTP.
 */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "crew"))
class CrewServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static boolean storySent;

    /** The story, newest article first: every older fact arrives after the newer one that overrides it. */
    static synchronized void storyApplied() {
        if (!storySent) {
            List<MissionUpdateEvent> reversed = new ArrayList<>(CrewEvents.story());
            Collections.reverse(reversed);
            KafkaTestSupport.send(reversed);
            storySent = true;
        }
        // every event: the story's missions are keyed to different partitions, applied independently
        for (MissionUpdateEvent e : CrewEvents.story()) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/applied-events/" + e.id()).then().statusCode(200));
        }
    }

    @Test
    void newerFactsWinWhateverTheArrivalOrder() {
        storyApplied();
        // Kikina: named to Soyuz MS-22 in 2021, removed in July 2022 (arrived first), on Crew-5 since.
        given().get("/crew/anna-kikina").then().statusCode(200)
                .body("name", equalTo("Anna Kikina"))
                .body("aliases", contains("Анна Кикина"))
                .body("missions.id", contains("crew-5"))
                .body("missions[0].assignment", equalTo("prime"))
                .body("missions[0].position", equalTo("mission specialist"))
                .body("missions[0].status", equalTo("launched"));
        // The stale "scheduled" preview (published before the launch, arrived after it) does not undo "launched".
        given().get("/crew/francisco-rubio").then().statusCode(200)
                .body("id", equalTo("francisco-rubio"))
                .body("name", equalTo("Francisco Rubio"))
                .body("aliases", contains("Frank Rubio", "Fransico Rubio", "Франциско Рубио"))
                .body("agency", equalTo("NASA"))
                .body("nationality", equalTo("US"))
                .body("role", equalTo("astronaut"))
                .body("missions.size()", equalTo(1))
                .body("missions[0].id", equalTo("soyuz-ms-22"))
                .body("missions[0].name", equalTo("Soyuz MS-22"))
                .body("missions[0].assignment", equalTo("prime"))
                .body("missions[0].position", equalTo("flight engineer"))
                .body("missions[0].status", equalTo("launched"))
                .body("provenance.nationality.articleId", equalTo("art-2022-07-swap"))
                .body("sources.articleId", contains("art-2022-07-swap", "fb0ee394c0ba0c6a"));
        // Two articles published at the same instant: the tie goes to the greater article id, not the later arrival.
        given().get("/crew/koichi-wakata").then().statusCode(200)
                .body("missions[0].assignment", equalTo("prime"))
                .body("missions[0].source.articleId", equalTo("art-2022-10-b"));
        given().get("/crew/oleg-kononenko").then().statusCode(200)
                .body("missions[0].assignment", equalTo("backup"));
    }

    @Test
    void searchMatchesNamesAndAliasesInAnyScript() {
        storyApplied();
        for (String q : List.of("Рубио", "rubio", "RUBIO", "Frank", "frank rubio", "Rubio Francisco", "Франциско", "Fransico", "Rubió")) {
            given().queryParam("q", q).get("/crew").then().statusCode(200)
                    .body("items.id", contains("francisco-rubio"))
                    .body("total", equalTo(1));
        }
        given().queryParam("q", "Prokopiev").get("/crew").then().body("items.id", contains("sergey-prokopyev"));
        given().queryParam("q", "Прокопьев").get("/crew").then().body("items.id", contains("sergey-prokopyev"));
        given().queryParam("q", "Кикина").get("/crew").then().body("items.id", contains("anna-kikina"));
        given().queryParam("q", "Dmitriy").get("/crew").then().body("items.id", contains("dmitry-petelin"));
        // Small typos are forgiven.
        given().queryParam("q", "Petelim").get("/crew").then().body("items.id", contains("dmitry-petelin"));
        given().queryParam("q", "Kononenco").get("/crew").then().body("items.id", contains("oleg-kononenko"));
        given().queryParam("q", "若田").get("/crew").then().body("items.id", contains("koichi-wakata"));
        given().queryParam("q", "Gagarin").get("/crew").then().statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void filtersAndStablePagination() {
        storyApplied();
        given().queryParam("mission", "crew-5").get("/crew").then().statusCode(200)
                .body("items.id", contains("anna-kikina", "josh-cassada", "koichi-wakata", "nicole-mann"))
                .body("total", equalTo(4));
        // The name in Cyrillic works as well as the id; removed people are not on the mission.
        given().queryParam("mission", "Союз МС-22").get("/crew").then().statusCode(200)
                .body("items.id", contains("dmitry-petelin", "francisco-rubio", "loral-o-hara", "oleg-kononenko", "sergey-prokopyev"));
        given().queryParam("agency", "nasa").queryParam("mission", "soyuz-ms-22").get("/crew").then()
                .body("items.id", contains("francisco-rubio", "loral-o-hara"));
        // Anton Shkaplerov is only mentioned (aboard the station in 2021): a person, on no mission.
        given().queryParam("role", "cosmonaut").queryParam("agency", "Roscosmos").get("/crew").then()
                .body("items.id", contains("anna-kikina", "anton-shkaplerov", "dmitry-petelin", "oleg-kononenko", "sergey-prokopyev"));
        given().queryParam("nationality", "jp").get("/crew").then().body("items.id", contains("koichi-wakata"));

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath body = given().queryParam("mission", "soyuz-ms-22").queryParam("size", 2).queryParam("page", page)
                    .get("/crew").then().statusCode(200).extract().jsonPath();
            assertThat(body.getInt("total")).isEqualTo(5);
            assertThat(body.getInt("page")).isEqualTo(page);
            assertThat(body.getInt("size")).isEqualTo(2);
            seen.addAll(body.getList("items.id", String.class));
        }
        assertThat(seen).containsExactly("dmitry-petelin", "francisco-rubio", "loral-o-hara", "oleg-kononenko", "sergey-prokopyev");
        given().queryParam("mission", "soyuz-ms-22").queryParam("size", 2).queryParam("page", 3).get("/crew").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(5));
    }

    @Test
    void asOfShowsThePersonAsTheNewsDescribedThemThen() {
        storyApplied();
        given().queryParam("asOf", "2022-01-01").get("/crew/anna-kikina").then().statusCode(200)
                .body("missions.id", contains("soyuz-ms-22"))
                .body("missions[0].assignment", equalTo("prime"))
                .body("missions[0].status", equalTo("planned"));
        // The swap article, published that day, counts on that day.
        given().queryParam("asOf", "2022-07-15").get("/crew/anna-kikina").then().statusCode(200)
                .body("missions.id", contains("crew-5"))
                .body("missions[0].status", equalTo("scheduled"));
        given().queryParam("asOf", "2022-09-20").get("/crew/francisco-rubio").then().statusCode(200)
                .body("aliases", hasItem("Frank Rubio"))
                .body("missions[0].status", equalTo("scheduled"));
        // Seed 000 is published at 2022-09-19T00:00:00Z: the day before must not see it (no rounding up to midnight).
        given().queryParam("asOf", "2022-09-18").get("/crew/francisco-rubio").then().statusCode(200)
                .body("aliases", not(hasItem("Frank Rubio")))
                .body("sources.articleId", contains("art-2022-07-swap"));
        given().queryParam("asOf", "2022-07-15T11:59:59Z").get("/crew/francisco-rubio").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("history"));
    }

    @Test
    void historyListsEveryClaimOldestFirstWithWhatItLostTo() {
        storyApplied();
        JsonPath h = given().get("/crew/anna-kikina/history").then().statusCode(200).extract().jsonPath();
        assertThat(h.getList("articleId", String.class)).containsExactly(
                "art-2021-12-kikina", "art-2022-07-swap", "art-2022-07-swap", "fb0ee394c0ba0c6a", "art-2022-10-a");
        assertThat(h.getString("[0].mission.id")).isEqualTo("soyuz-ms-22");
        assertThat(h.getString("[0].assignment")).isEqualTo("prime");
        assertThat(h.getBoolean("[0].current")).isFalse();
        assertThat(h.getString("[0].supersededBy.articleId")).isEqualTo("art-2022-07-swap");
        assertThat(h.getList("[0].evidence", String.class)).containsExactly("Anna Kikina was named to the Soyuz MS-22 crew.");
        int removed = h.getList("assignment", String.class).indexOf("removed");
        assertThat(h.getBoolean("[" + removed + "].current")).isTrue();
        assertThat(h.getString("[" + removed + "].evidence[0]")).contains("Франциско Рубио");
        assertThat(h.getString("[0].publishedAt")).isEqualTo("2021-12-20T09:00:00Z");
    }

    @Test
    void mentionedPeopleAreFoundWithTheirFactsButOnNoMission() throws SQLException {
        storyApplied();
        // The December 2021 Soyuz MS-22 article names the Expedition 66 commander already aboard.
        for (String q : List.of("Шкаплеров", "Shkaplerov", "anton shkaplerov")) {
            given().queryParam("q", q).get("/crew").then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items.id", contains("anton-shkaplerov"))
                    .body("items[0].name", equalTo("Anton Shkaplerov"))
                    .body("items[0].aliases", contains("Антон Шкаплеров"))
                    .body("items[0].agency", equalTo("Roscosmos"))
                    .body("items[0].role", equalTo("cosmonaut"))
                    .body("items[0].missions.size()", equalTo(0));
        }
        given().get("/crew/anton-shkaplerov").then().statusCode(200)
                .body("nationality", equalTo("RU"))
                .body("missions.size()", equalTo(0))
                .body("sources.articleId", contains("art-2021-12-kikina"));
        given().queryParam("mission", "soyuz-ms-22").queryParam("q", "Shkaplerov").get("/crew").then().body("total", equalTo(0));
        given().queryParam("asOf", "2021-12-19").get("/crew/anton-shkaplerov").then().statusCode(404);
        given().queryParam("asOf", "2021-12-20").get("/crew/anton-shkaplerov").then().statusCode(200)
                .body("agency", equalTo("Roscosmos")).body("missions.size()", equalTo(0));
        JsonPath h = given().get("/crew/anton-shkaplerov/history").then().statusCode(200).extract().jsonPath();
        assertThat(h.getList("mention", Boolean.class)).containsExactly(true);
        assertThat(h.getString("[0].assignment")).isNull();
        assertThat(h.getBoolean("[0].current")).isFalse();
        assertThat(h.getString("[0].mission.id")).isEqualTo("soyuz-ms-22");

        // Prokopyev: prime on Soyuz MS-22, then mentioned by the newer Crew-5 article. He keeps exactly the
        // prime seat; the mention only adds its spelling (its missing nationality and role erase nothing).
        given().get("/crew/sergey-prokopyev").then().statusCode(200)
                .body("missions.size()", equalTo(1))
                .body("missions[0].id", equalTo("soyuz-ms-22"))
                .body("missions[0].assignment", equalTo("prime"))
                .body("missions[0].position", equalTo("commander"))
                .body("aliases", contains("Sergei Prokopyev", "Сергей Прокопьев"))
                .body("nationality", equalTo("RU"))
                .body("role", equalTo("cosmonaut"))
                .body("sources.articleId", contains("art-2021-12-kikina", "fb0ee394c0ba0c6a", "art-2022-10-a"));
        given().queryParam("q", "Sergei Prokopyev").get("/crew").then().body("items.id", contains("sergey-prokopyev"));
        JsonPath p = given().get("/crew/sergey-prokopyev/history").then().statusCode(200).extract().jsonPath();
        assertThat(p.getList("articleId", String.class)).containsExactly("art-2021-12-kikina", "fb0ee394c0ba0c6a", "art-2022-10-a");
        assertThat(p.getList("mention", Boolean.class)).containsExactly(false, false, true);
        assertThat(p.getList("current", Boolean.class)).containsExactly(false, true, false);
        assertThat(p.getString("[2].mission.id")).isEqualTo("crew-5");

        // Announced like any other person change, with no mission in the state or the filter tags.
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("SELECT payload->>'type', payload->'state'->>'agency', payload->'state'->>'missions'"
                        + " FROM change_log WHERE entity_id = 'anton-shkaplerov' ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("crew.changed");
            assertThat(rs.getString(2)).isEqualTo("Roscosmos");
            assertThat(rs.getString(3)).isEqualTo("[]");
        }
    }

    @Test
    void aMentionNeverCreatesChangesOrRemovesAnAssignment() {
        MissionRef mission = new MissionRef("test-mention-mission", "Test Mention Mission", List.of(), true);
        PersonRef pilot = new PersonRef("test-mention-pilot", "Mention Pilot", List.of(), "ESA", "FR", "astronaut");
        PersonRef visitor = new PersonRef("test-mention-visitor", "Mention Visitor", List.of(), "CSA", "CA", "astronaut");
        MissionUpdateEvent named = CrewEvents.event("art-mention-1", "2023-06-01T10:00:00Z", mission, "planned", null,
                List.of(visitor),
                CrewEvents.claim(pilot, "prime", "pilot", "Mention Pilot will fly as pilot."));
        // A newer article about the same mission only names the pilot (new spelling) and names someone who is also
        // in its own crew list: the event applies, the seats stay. (MissionUpdateCodec validates mentions: one
        // without an id makes the whole event invalid, and it is dead-lettered like any poison record.)
        MissionUpdateEvent mentioned = CrewEvents.event("art-mention-2", "2023-06-10T10:00:00Z", mission, null, null,
                List.of(new PersonRef("test-mention-pilot", "Mention Pilot", List.of("Пилот Упоминание"), "ESA", null, null),
                        new PersonRef("test-mention-engineer", "Mention Engineer", List.of("Engineer Alias"), "ESA", "IT", "astronaut")),
                CrewEvents.claim(new PersonRef("test-mention-engineer", "Mention Engineer", List.of(), "ESA", "IT", "astronaut"),
                        "backup", null, "Mention Engineer is the backup."));
        // Newest first: the mention arrives before the claim it must not override.
        KafkaTestSupport.send(List.of(mentioned, named));
        await().atMost(WAIT).untilAsserted(() -> given().get("/applied-events/" + named.id()).then().statusCode(200));
        given().get("/applied-events/" + mentioned.id()).then().statusCode(200);

        given().get("/crew/test-mention-pilot").then().statusCode(200)
                .body("aliases", contains("Пилот Упоминание"))
                .body("nationality", equalTo("FR"))
                .body("missions.size()", equalTo(1))
                .body("missions[0].id", equalTo("test-mention-mission"))
                .body("missions[0].assignment", equalTo("prime"))
                .body("missions[0].position", equalTo("pilot"))
                .body("missions[0].source.articleId", equalTo("art-mention-1"));
        given().queryParam("q", "Упоминание").get("/crew").then().body("items.id", contains("test-mention-pilot"));
        given().get("/crew/test-mention-visitor").then().statusCode(200).body("missions.size()", equalTo(0));
        // In the same event's crew list and mentions: the crew claim is the one that counts.
        given().get("/crew/test-mention-engineer").then().statusCode(200)
                .body("aliases.size()", equalTo(0))
                .body("missions[0].assignment", equalTo("backup"));
        given().get("/crew/test-mention-engineer/history").then().body("size()", equalTo(1)).body("[0].mention", equalTo(false));
        given().queryParam("mission", "test-mention-mission").get("/crew").then()
                .body("items.id", contains("test-mention-engineer", "test-mention-pilot"));
    }

    @Test
    void changesAreLoggedForSubscribers() throws SQLException {
        storyApplied();
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT payload->>'type', payload->'state'->'missions'->0->>'id' FROM change_log WHERE entity_id = 'anna-kikina' ORDER BY seq DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("crew.changed");
            assertThat(rs.getString(2)).isEqualTo("crew-5");
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws SQLException {
        PersonRef p = new PersonRef("test-duplicate-person", "Test Duplicate", List.of("Тест Дубликат"), "ESA", "DE", "astronaut");
        MissionUpdateEvent e = CrewEvents.event("art-dup", "2023-03-01T10:00:00Z",
                new MissionRef("test-dup-mission", "Test Dup Mission", List.of(), true), "planned",
                CrewEvents.claim(p, "prime", null, "Test Duplicate will fly."));
        double before = metric("crossflight_events_duplicates_total");
        KafkaTestSupport.send(List.of(e, e, e));
        await().atMost(WAIT).untilAsserted(() -> assertThat(metric("crossflight_events_duplicates_total")).isGreaterThanOrEqualTo(before + 2));
        given().get("/applied-events/" + e.id()).then().statusCode(200);
        given().get("/crew/test-duplicate-person/history").then().statusCode(200).body("size()", equalTo(1));
        given().queryParam("q", "Дубликат").get("/crew").then().body("items.id", contains("test-duplicate-person"));
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM change_log WHERE entity_id = 'test-duplicate-person'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndLaterEventsStillApply() {
        double before = metric("crossflight_events_dead_lettered_total");
        KafkaTestSupport.sendRaw("poison", "this is {not json");
        MissionRef mission = new MissionRef("test-poison-mission", "Test Poison Mission", List.of(), true);
        String future = MissionUpdateCodec.toJson(CrewEvents.event("art-poison-v2", "2023-04-01T10:00:00Z", mission, null))
                .replace("\"schemaversion\":1", "\"schemaversion\":99");
        assertThat(future).contains("\"schemaversion\":99");
        KafkaTestSupport.sendRaw(mission.id(), future);
        MissionUpdateEvent good = CrewEvents.event("art-after-poison", "2023-04-02T10:00:00Z", mission, null,
                CrewEvents.claim(new PersonRef("test-after-poison", "After Poison", List.of(), "CSA", "CA", "astronaut"),
                        "backup", null, "After Poison is the backup."));
        KafkaTestSupport.send(List.of(good));

        await().atMost(WAIT).untilAsserted(() -> given().get("/crew/test-after-poison").then().statusCode(200)
                .body("missions[0].assignment", equalTo("backup")));
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dlq = KafkaTestSupport.readAll(KafkaTestSupport.DLQ);
            assertThat(reason(dlq, "this is {not json")).contains("not a mission-update JSON");
            assertThat(reason(dlq, future)).contains("unknown schema version 99");
        });
        assertThat(metric("crossflight_events_dead_lettered_total")).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aBatchWithPoisonAndAnEventTheStoreRefusesAppliesEveryOtherEventOnce() throws SQLException {
        MissionRef mission = new MissionRef("test-burst-mission", "Test Burst Mission", List.of(), true);
        PersonRef one = new PersonRef("test-burst-one", "Burst One", List.of(), "ESA", "FR", "astronaut");
        PersonRef two = new PersonRef("test-burst-two", "Burst Two", List.of(), "ESA", "IT", "astronaut");
        PersonRef three = new PersonRef("test-burst-refused", "Burst Refused", List.of(), "ESA", "DE", "astronaut");
        MissionUpdateEvent e1 = CrewEvents.event("art-burst-1", "2023-05-01T10:00:00Z", mission, "planned",
                CrewEvents.claim(one, "prime", "commander", "Burst One commands the flight."));
        MissionUpdateEvent e2 = CrewEvents.event("art-burst-2", "2023-05-02T10:00:00Z", mission, "planned",
                CrewEvents.claim(two, "backup", null, "Burst Two is the backup."));
        // Valid JSON and a valid event, but PostgreSQL text cannot hold the NUL in its title.
        MissionUpdateEvent e3 = CrewEvents.event("art-burst-3", "2023-05-03T10:00:00Z", mission, "scheduled",
                CrewEvents.claim(three, "prime", null, "Burst Refused flies too."));
        MissionUpdateData d = e3.data();
        MissionUpdateEvent refused = MissionUpdateEvent.of(new MissionUpdateData(d.articleId(), d.publishedAt(), true, "Scraped \u0000 title",
                d.articleSource(), d.articleUrl(), d.mission(), d.facts(), d.crew()));
        String notJson = "burst {not json";
        KafkaTestSupport.sendBurst(mission.id(), List.of(MissionUpdateCodec.toJson(e1), notJson, MissionUpdateCodec.toJson(refused),
                MissionUpdateCodec.toJson(e2), MissionUpdateCodec.toJson(e1)));

        await().atMost(WAIT).untilAsserted(() -> {
            given().get("/applied-events/" + e1.id()).then().statusCode(200);
            given().get("/applied-events/" + e2.id()).then().statusCode(200);
        });
        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dlq = KafkaTestSupport.readAll(KafkaTestSupport.DLQ);
            assertThat(reason(dlq, notJson)).contains("not a mission-update JSON");
            assertThat(reason(dlq, MissionUpdateCodec.toJson(refused))).startsWith("event " + refused.id() + " cannot be applied");
        });
        given().get("/applied-events/" + refused.id()).then().statusCode(404);
        given().get("/crew/test-burst-refused").then().statusCode(404);
        given().get("/crew/test-burst-one").then().statusCode(200).body("missions[0].assignment", equalTo("prime"));
        given().get("/crew/test-burst-two").then().statusCode(200).body("missions[0].assignment", equalTo("backup"));

        // The good events once more (a whole batch redelivered): applied once, announced once.
        KafkaTestSupport.sendBurst(mission.id(), List.of(MissionUpdateCodec.toJson(e1), MissionUpdateCodec.toJson(e2)));
        MissionUpdateEvent marker = CrewEvents.event("art-burst-4", "2023-05-04T10:00:00Z",
                new MissionRef("test-burst-marker", "Test Burst Marker", List.of(), true), null);
        KafkaTestSupport.sendBurst(mission.id(), List.of(MissionUpdateCodec.toJson(marker))); // same partition: read after them
        await().atMost(WAIT).untilAsserted(() -> given().get("/applied-events/" + marker.id()).then().statusCode(200));
        given().get("/crew/test-burst-one/history").then().statusCode(200).body("size()", equalTo(1));
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM change_log WHERE entity_id = 'test-burst-one'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String value) {
        for (ConsumerRecord<String, String> r : records) {
            if (value.equals(r.value())) {
                Header h = r.headers().lastHeader("dead-letter-reason");
                return h == null ? "(no reason header)" : new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void badParametersAreProblems() {
        for (String[] param : List.of(new String[] {"page", "-1"}, new String[] {"page", "abc"}, new String[] {"size", "0"},
                new String[] {"size", "101"}, new String[] {"size", "1.5"}, new String[] {"role", "pilot"},
                new String[] {"nationality", "USA"}, new String[] {"q", "!!!"}, new String[] {"q", "x".repeat(201)})) {
            given().queryParam(param[0], param[1]).get("/crew").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", equalTo("Bad Request"))
                    .body("detail", containsString(param[0]));
        }
        given().queryParam("asOf", "yesterday").get("/crew/anna-kikina").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("asOf"));
        given().get("/crew/Francisco Rubio").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("francisco-rubio"));
        given().get("/crew/yuri-gagarin").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("detail", containsString("yuri-gagarin"));
        given().get("/crew/yuri-gagarin/history").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthMetricsOpenApiAndMigrations() throws SQLException {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("crew-store"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("crossflight_events_applied_total"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/crew/{id}/history")).body(containsString("/admin/rebuild"));
        try (Connection c = db();
                PreparedStatement ps = c.prepareStatement("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
                ResultSet rs = ps.executeQuery()) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            // The shared V0_x migrations from crossflight-store-common run before ours.
            assertThat(versions).containsSubsequence("0.1", "0.2", "1.1", "1.2", "1.3");
        }
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(TestInfra.jdbcUrl("crew"), TestInfra.username(), TestInfra.password());
    }

    static double metric(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
