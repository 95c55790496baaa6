package io.crossflight.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.crossflight.events.EventIds;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.CrossflightTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Seed 000 describes "a US Crew Dragon" flight "later this autumn" with Anna Kikina but never names
 * it; seed 002 names Crew-5 with Kikina. Whichever arrives first, seed 000 ends with a Crew-5 update.
 */
@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_flights"))
class UnnamedFlightAttributionTest {

    static final String SEED_000 = IngestTestSupport.seed("000_fb0ee394c0ba0c6a.txt");
    static final String SEED_002 = IngestTestSupport.seed("002_874878a65ba7efb4.txt");

    @Test
    void theUnnamedCrewDragonFlightBecomesCrew5InEitherOrder() {
        // 000 first: nothing names a Crew Dragon mission with Kikina yet, so the flight waits
        String early = given().contentType("text/plain; charset=UTF-8").body(SEED_000).post("/articles").then().statusCode(202)
                .body("events.missionId", contains("soyuz-ms-22"))
                .body("attributions", empty())
                .extract().path("id");
        assertEquals(1, IngestTestSupport.count("SELECT count(*) FROM unnamed_flights WHERE attributed_to IS NULL AND article_id = '"
                + early + "'"));
        given().get("/articles/" + early).then()
                .body("notes", hasItem(org.hamcrest.Matchers.containsString("kept for attribution")))
                .body("unnamedFlights", org.hamcrest.Matchers.hasSize(1))
                .body("unnamedFlights[0].attributedTo", org.hamcrest.Matchers.nullValue())
                .body("unnamedFlights[0].facts.spacecraft.value", equalTo("Crew Dragon"))
                .body("unnamedFlights[0].facts.launchDate.season", equalTo("autumn"))
                .body("unnamedFlights[0].crew.person.id", contains("anna-kikina"));

        // 002 names Crew-5 with Kikina: 000's flight is Crew-5, published as 000's update
        JsonPath named = given().contentType("text/plain; charset=UTF-8").body(SEED_002).post("/articles").then().statusCode(202)
                // seed 002 names both of its missions: nothing of it is left unnamed
                .body("events.missionId", contains("crew-5", "soyuz-ms-22"))
                .extract().jsonPath();
        List<java.util.Map<String, String>> attributions = named.getList("attributions");
        assertEquals(1, attributions.size());
        assertEquals(early, attributions.get(0).get("articleId"));
        assertEquals("crew-5", attributions.get(0).get("missionId"));
        String eventId = attributions.get(0).get("eventId");
        assertEquals(EventIds.eventId(early, "crew-5"), eventId, "the same deterministic id as any (article, mission) event");

        JsonPath article = given().get("/articles/" + early).then().statusCode(200)
                .body("updates.missionId", contains("crew-5", "soyuz-ms-22"))
                .body("notes", hasItem(org.hamcrest.Matchers.containsString("is SpaceX Crew-5")))
                .extract().jsonPath();
        assertEquals("crew-5", article.getString("unnamedFlights[0].attributedTo"));
        assertEquals(eventId, article.getString("unnamedFlights[0].eventId"));
        String crew5 = "updates.find { it.missionId == 'crew-5' }.";
        assertEquals(true, article.getBoolean(crew5 + "attributed"));
        assertEquals("Crew Dragon", article.getString(crew5 + "update.facts.spacecraft.value"));
        assertEquals("autumn", article.getString(crew5 + "update.facts.launchDate.season"));
        assertEquals("2022", article.getString(crew5 + "update.facts.launchDate.value"));
        assertEquals(List.of("anna-kikina"), article.getList(crew5 + "update.crew.person.id"));
        assertEquals(List.of("prime"), article.getList(crew5 + "update.crew.assignment"));
        assertEquals(null, article.getString(crew5 + "update.facts.launchVehicle"), "only what the article said about that flight");
        given().get("/articles/" + early).then()
                .body("updates.find { it.missionId == 'crew-5' }.update.facts.launchDate.evidence[0]",
                        org.hamcrest.Matchers.containsString("later this Autumn"));
        assertEquals("crew-5", IngestTestSupport.text("SELECT attributed_to FROM unnamed_flights WHERE article_id = '" + early + "'"));
        // seed 002's own "Rubio will be sent in Russia's Soyuz" flight also carries Kikina, whom it took off
        // Soyuz MS-22: not everyone aboard fits, so it stays open rather than putting her back on
        String both = "('" + early + "', '" + named.getString("id") + "')";
        assertEquals(1, IngestTestSupport.count("SELECT count(*) FROM unnamed_flights WHERE attributed_to IS NULL AND article_id IN " + both));
        assertEquals(1, IngestTestSupport.count("SELECT count(*) FROM mission_updates WHERE attributed AND article_id IN " + both),
                "nothing else of the two seeds was attributed");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> mine = IngestTestSupport.readTopic("mission-updates", Duration.ofSeconds(1)).stream()
                    .filter(r -> MissionUpdateCodec.parse(r.value()).id().equals(eventId)).toList();
            assertEquals(1, mine.size());
            assertEquals("crew-5", mine.get(0).key());
            MissionUpdateEvent e = MissionUpdateCodec.parse(mine.get(0).value());
            assertEquals("2022-09-19T00:00:00Z", e.time().toString(), "the event time is seed 000's publication");
            assertEquals(early, e.data().articleId());
        });

        // the other order, with the same two stories as other articles: 000 attributed on arrival
        given().contentType("text/plain; charset=UTF-8").body(SEED_002 + "\n\nUpdated with a correction.").post("/articles").then().statusCode(202)
                .body("events.missionId", contains("crew-5", "soyuz-ms-22"))
                .body("attributions", empty());
        JsonPath late = given().contentType("text/plain; charset=UTF-8").body(SEED_000 + "\n\nUpdated with a correction.").post("/articles")
                .then().statusCode(202)
                .body("events.missionId", contains("soyuz-ms-22", "crew-5"))
                .body("attributions", empty())
                .extract().jsonPath();
        String lateId = late.getString("id");
        given().get("/articles/" + lateId).then()
                .body("updates.find { it.missionId == 'crew-5' }.attributed", equalTo(true))
                .body("updates.find { it.missionId == 'crew-5' }.update.facts", equalTo(article.get("updates.find { it.missionId == 'crew-5' }.update.facts")))
                .body("updates.find { it.missionId == 'crew-5' }.update.crew", equalTo(article.get("updates.find { it.missionId == 'crew-5' }.update.crew")));
        given().get("/articles/" + lateId).then().body("notes", not(empty()));
    }

    /**
     * The named article and the unnamed-flight article arriving at the same moment must still meet:
     * without the lock each transaction could miss the other's rows and the flight would stay open.
     */
    @Test
    void articlesArrivingTogetherStillMeet() throws Exception {
        String[] names = { "Olga Vetrova", "Marina Zolotova", "Irina Sokolova", "Yelena Orlova", "Tatiana Lebedeva", "Vera Morozova" };
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < names.length; i++) {
                String mission = "crew-" + (31 + i);
                String named = "date 2024-03-01\nRoscosmos cosmonaut " + names[i] + " will fly on SpaceX Crew-" + (31 + i)
                        + " to the International Space Station. Crew-" + (31 + i) + " is targeted for launch on August 15.";
                String unnamed = "date 2024-03-02\nNASA and Roscosmos agreed to continue the seat swaps, and later this summer the next"
                        + " such flight is expected to take place.\n\nIt will involve a US Crew Dragon spacecraft and it is anticipated"
                        + " that Roscosmos cosmonaut " + names[i] + " will be on that flight.";
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<JsonPath> postNamed = () -> {
                    together.await();
                    return given().contentType("text/plain; charset=UTF-8").body(named).post("/articles").then().statusCode(202).extract().jsonPath();
                };
                java.util.concurrent.Callable<JsonPath> postUnnamed = () -> {
                    together.await();
                    return given().contentType("text/plain; charset=UTF-8").body(unnamed).post("/articles").then().statusCode(202).extract().jsonPath();
                };
                var a = pool.submit(postNamed);
                var b = pool.submit(postUnnamed);
                JsonPath namedAnswer = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
                JsonPath unnamedAnswer = b.get(60, java.util.concurrent.TimeUnit.SECONDS);
                String flightArticle = unnamedAnswer.getString("id");
                String expected = EventIds.eventId(flightArticle, mission);
                // exactly one of the two answers created the attributed event, whichever committed second
                List<String> created = new java.util.ArrayList<>(namedAnswer.getList("attributions.eventId", String.class));
                unnamedAnswer.getList("events", java.util.Map.class).stream()
                        .filter(e -> mission.equals(e.get("missionId"))).forEach(e -> created.add((String) e.get("eventId")));
                assertEquals(List.of(expected), created, names[i] + ": " + namedAnswer.prettify() + unnamedAnswer.prettify());
                assertEquals(1, IngestTestSupport.count("SELECT count(*) FROM mission_updates WHERE attributed AND article_id = '"
                        + flightArticle + "' AND mission_id = '" + mission + "'"));
                assertEquals(1, IngestTestSupport.count("SELECT count(*) FROM outbox WHERE event_id = '" + expected + "'"));
                assertEquals(0, IngestTestSupport.count("SELECT count(*) FROM unnamed_flights WHERE attributed_to IS NULL AND article_id = '"
                        + flightArticle + "'"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
