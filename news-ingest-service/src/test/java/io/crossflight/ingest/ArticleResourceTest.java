package io.crossflight.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.CrossflightTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_api"))
class ArticleResourceTest {

    @Test
    void seedArticleBecomesSoyuzMs22EventsOnKafka() {
        String id = given().contentType("text/plain; charset=UTF-8").body(IngestTestSupport.seed("000_fb0ee394c0ba0c6a.txt"))
                .when().post("/articles")
                .then().statusCode(202)
                .header("Location", notNullValue())
                .body("duplicate", equalTo(false))
                .body("events.missionId", hasItem("soyuz-ms-22"))
                .extract().path("id");

        given().get("/articles/" + id).then().statusCode(200)
                .body("publishedAt", startsWith("2022-09-19"))
                .body("publishedAtKnown", equalTo(true))
                .body("updates.missionId", hasItem("soyuz-ms-22"))
                .body("updates.find { it.missionId == 'soyuz-ms-22' }.update.crew.person.id",
                        hasItems("sergey-prokopyev", "dmitry-petelin", "francisco-rubio"))
                .body("updates.find { it.missionId == 'soyuz-ms-22' }.update.crew.evidence.flatten()", not(org.hamcrest.Matchers.empty()));

        String eventId = given().get("/articles/" + id).then().extract()
                .path("updates.find { it.missionId == 'soyuz-ms-22' }.eventId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = IngestTestSupport.readTopic("mission-updates", Duration.ofSeconds(1));
            List<ConsumerRecord<String, String>> mine = records.stream()
                    .filter(r -> MissionUpdateCodec.parse(r.value()).id().equals(eventId)).toList();
            assertEquals(1, mine.size(), "the event is on the topic exactly once");
            MissionUpdateEvent e = MissionUpdateCodec.parse(mine.get(0).value());
            assertEquals("soyuz-ms-22", mine.get(0).key(), "keyed by mission id");
            assertEquals("1.0", e.specversion());
            assertEquals("2022-09-19T00:00:00Z", e.time().toString(), "event time is the publication time");
            assertTrue(e.data().crew().stream().anyMatch(c -> c.person().id().equals("francisco-rubio")));
        });
        given().get("/articles/" + id).then().body("updates.find { it.missionId == 'soyuz-ms-22' }.sentToKafkaAt", notNullValue());
    }

    @Test
    void sameArticleAgainIsADuplicateWithTheSameEvents() {
        String body = "{\"body\": \"NASA astronaut Jessica Example will launch on SpaceX Crew-9 from Kennedy Space Center. "
                + "Crew-9 is targeted for launch on September 24.\", \"publishedAt\": \"2024-09-01\", \"url\": \"https://news.example/crew-9\"}";
        ValidatableResponse first = given().contentType("application/json").body(body).post("/articles").then().statusCode(202);
        String id = first.extract().path("id");
        List<String> events = first.extract().path("events.eventId");
        long outbox = IngestTestSupport.count("SELECT count(*) FROM outbox");

        given().contentType("application/json").body(body).post("/articles").then().statusCode(200)
                .body("duplicate", equalTo(true)).body("id", equalTo(id)).body("events.eventId", equalTo(events));
        // Same URL, re-worded body: still the same article.
        given().contentType("application/json")
                .body("{\"body\": \"Updated text about Crew-9.\", \"url\": \"https://news.example/crew-9\"}")
                .post("/articles").then().statusCode(200).body("id", equalTo(id));
        assertEquals(outbox, IngestTestSupport.count("SELECT count(*) FROM outbox"), "a duplicate queues nothing");
    }

    @Test
    void articleWithoutMissionIsStoredWithANoteAndNoEvents() {
        String id = given().contentType("text/plain").body("The weather in Paris was mild today, with light rain in the afternoon.")
                .post("/articles").then().statusCode(202).body("events", org.hamcrest.Matchers.empty()).extract().path("id");
        given().get("/articles/" + id).then().statusCode(200)
                .body("updates", org.hamcrest.Matchers.empty())
                .body("notes", not(org.hamcrest.Matchers.empty()))
                .body("publishedAtKnown", equalTo(false));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        long articles = IngestTestSupport.count("SELECT count(*) FROM articles");
        long outbox = IngestTestSupport.count("SELECT count(*) FROM outbox");
        problem(given().contentType("application/json").body("{\"body\": ").post("/articles"), 400);
        problem(given().contentType("application/json").body("{\"body\": \"Soyuz MS-22\", \"publishedAt\": \"yesterday\"}").post("/articles"), 400);
        problem(given().contentType("application/json").body("{\"body\": \"Soyuz MS-22\", \"colour\": \"red\"}").post("/articles"), 400);
        problem(given().contentType("application/json").body("{}").post("/articles"), 400);
        problem(given().contentType("text/plain").body("").post("/articles"), 400);
        problem(given().contentType("text/plain").body(new byte[] { 0, 1, 2, 3, (byte) 0xff, (byte) 0xfe }).post("/articles"), 415);
        problem(given().contentType("text/plain").body("x".repeat(1024 * 1024 + 10)).post("/articles"), 413);
        problem(given().contentType("text/plain").body("y".repeat(5 * 1024 * 1024)).post("/articles"), 413);
        problem(given().contentType("application/xml").body("<a/>").post("/articles"), 415);
        problem(given().get("/articles/does-not-exist"), 404);
        assertEquals(articles, IngestTestSupport.count("SELECT count(*) FROM articles"));
        assertEquals(outbox, IngestTestSupport.count("SELECT count(*) FROM outbox"));
    }

    @Test
    void scriptTagsAndSqlAreJustText() {
        String id = given().contentType("text/html")
                .body("<html><head><script>alert('x')</script></head><body><p>Soyuz MS-22'); DROP TABLE articles;-- will launch "
                        + "from Baikonur Cosmodrome.</p></body></html>")
                .post("/articles").then().statusCode(202).extract().path("id");
        given().get("/articles/" + id).then().statusCode(200).body("text", not(org.hamcrest.Matchers.containsString("alert")));
        assertTrue(IngestTestSupport.count("SELECT count(*) FROM articles") > 0);
    }

    private static void problem(io.restassured.response.Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue());
    }

    @Test
    void undatedSeedCountsAsIngestedAndCarriesTheSwap() {
        String id = given().contentType("text/plain; charset=UTF-8").body(IngestTestSupport.seed("002_874878a65ba7efb4.txt"))
                .post("/articles").then().statusCode(202)
                .body("events.missionId", hasItems("crew-5", "soyuz-ms-22")).extract().path("id");
        given().get("/articles/" + id).then().statusCode(200)
                .body("publishedAtKnown", equalTo(false))
                .body("notes", hasItem(org.hamcrest.Matchers.containsString("ingest time")))
                .body("updates.find { it.missionId == 'crew-5' }.update.crew.find { it.person.id == 'anna-kikina' }.assignment", equalTo("prime"))
                .body("updates.find { it.missionId == 'soyuz-ms-22' }.update.crew.find { it.person.id == 'anna-kikina' }.assignment", equalTo("removed"))
                .body("updates.find { it.missionId == 'soyuz-ms-22' }.update.crew.find { it.person.id == 'francisco-rubio' }.assignment", equalTo("prime"))
                .body("updates.update.crew.flatten().person.id", not(hasItems("dana-weigel", "dmitry-rogozin", "valentina-tereshkova")));
    }

    @Test
    void htmlPublicationMetadataGivesTheDate() {
        String html = "<html><head><meta property=\"article:published_time\" content=\"2023-09-14T10:00:00Z\">"
                + "<title>Soyuz MS-24 ready</title></head><body><article><p>Roscosmos cosmonauts Oleg Kononenko and Nikolai Chub "
                + "and NASA astronaut Loral O'Hara will launch on Soyuz MS-24 from Baikonur Cosmodrome tomorrow.</p></article></body></html>";
        String id = given().contentType("text/html").body(html).post("/articles").then().statusCode(202)
                .body("events.missionId", hasItem("soyuz-ms-24")).extract().path("id");
        given().get("/articles/" + id).then()
                .body("publishedAtKnown", equalTo(true))
                .body("publishedAt", startsWith("2023-09-14"))
                .body("updates[0].update.facts.launchDate.value", equalTo("2023-09-15"));
    }

    @Test
    void russianArticle() {
        String body = "{\"body\": \"Космонавты Роскосмоса Олег Кононенко и Николай Чуб и астронавт NASA Лорал О'Хара стартовали на корабле "
                + "Союз МС-24 с космодрома Байконур 15 сентября.\", \"publishedAt\": \"2023-09-15\", \"language\": \"ru\"}";
        String id = given().contentType("application/json; charset=UTF-8").body(body).post("/articles").then().statusCode(202)
                .body("events.missionId", hasItem("soyuz-ms-24")).extract().path("id");
        given().get("/articles/" + id).then().body("language", equalTo("ru"))
                .body("updates[0].update.crew.person.id", hasItem("oleg-kononenko"));
    }

    @Test
    void healthAndMetricsShowDatabaseKafkaAndOutbox() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("outbox"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("kafka")))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("database")));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("crossflight_outbox_backlog"))
                .body(org.hamcrest.Matchers.containsString("crossflight_articles_ingested_total"));
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/articles"));
    }

    @Test
    void aDeclaredCharsetIsHonoured() {
        byte[] latin1 = "Soyuz MS-25 will carry Marina Vasilevskaya from Baikonur Cosmodrome. Caf\u00e9 talk.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().contentType("text/plain; charset=ISO-8859-1").body(latin1).post("/articles").then().statusCode(202);
        problem(given().contentType("text/plain; charset=UTF-8").body(latin1).post("/articles"), 415);
    }

    @Test
    void relativeDatesCountFromThePublishersDayNotUtcs() {
        // 21:00 in Houston is already the next day in UTC; "tomorrow" is the 15th where it was written
        String id = given().contentType("application/json").body("{\"body\": \"Roscosmos cosmonauts Oleg Kononenko and Nikolai"
                + " Chub and NASA astronaut Loral O'Hara will launch on Soyuz MS-24 from Baikonur tomorrow.\","
                + " \"publishedAt\": \"2023-09-14T21:00:00-05:00\"}")
                .post("/articles").then().statusCode(202).extract().path("id");
        given().get("/articles/" + id).then().statusCode(200)
                .body("publishedAt", startsWith("2023-09-15T02:00:00"))
                .body("updates.find { it.missionId == 'soyuz-ms-24' }.update.facts.launchDate.value", equalTo("2023-09-15"));
    }
}
