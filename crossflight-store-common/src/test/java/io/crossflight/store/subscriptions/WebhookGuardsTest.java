package io.crossflight.store.subscriptions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.crossflight.store.testapp.PostgresOnlyResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With production defaults: SSRF refusals, the API token on every subscription call, disabling a failing subscription. */
@QuarkusTest
@WithTestResource(PostgresOnlyResource.class)
@TestProfile(WebhookGuardsTest.Strict.class)
class WebhookGuardsTest {

    private static final String TOKEN = "s3cret-token";

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossflight.webhooks.allow-private-targets", "false",
                    "crossflight.api-token", TOKEN,
                    "crossflight.webhooks.disable-after-failures", "3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/", "http://192.168.0.10/",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/"})
    void internalCallbacksAreRefused(String url) {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(Map.of("callbackUrl", url)).post("/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("public addresses"));
    }

    @Test
    void managingSubscriptionsNeedsTheTokenReadsIncluded() {
        Map<String, Object> body = Map.of("callbackUrl", "https://93.184.216.34/hook", "filter", Map.of("status", List.of("launched")));
        given().contentType(ContentType.JSON).body(body).post("/subscriptions").then().statusCode(401);
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body).post("/subscriptions")
                .then().statusCode(201).extract().path("id");
        given().get("/subscriptions/{id}", id).then().statusCode(401).contentType("application/problem+json");
        given().get("/subscriptions").then().statusCode(401);
        given().get("/subscriptions/{id}/deliveries", id).then().statusCode(401);
        given().auth().oauth2("wrong").get("/subscriptions/{id}", id).then().statusCode(401);
        given().auth().oauth2(TOKEN).get("/subscriptions/{id}", id).then().statusCode(200).body("id", equalTo(id));
        given().delete("/subscriptions/{id}", id).then().statusCode(401);
        given().auth().oauth2(TOKEN).delete("/subscriptions/{id}", id).then().statusCode(204);
    }

    @Test
    void aSubscriptionThatKeepsFailingIsDisabledAndSaysWhy() throws Exception {
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "https://93.184.216.34/hook", "filter", Map.of("id", "disable-1")))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
        try (var c = io.crossflight.store.testapp.TestDb.connect(); var st = c.createStatement()) {
            // As if DNS said public at subscription time and loopback now: the delivery-time check must refuse.
            st.executeUpdate("UPDATE webhook_subscriptions SET callback_url = 'http://127.0.0.1:9/hook' WHERE id = '" + id + "'");
        }
        given().auth().oauth2(TOKEN).post("/things/disable-1/status/a").then().statusCode(200);
        given().auth().oauth2(TOKEN).post("/things/disable-1/status/b").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TOKEN).get("/subscriptions/{id}", id)
                .then().statusCode(200).body("status", equalTo("disabled"))
                .body("disabledReason", containsString("3 consecutive failed delivery attempts"))
                .body("disabledReason", containsString("refused target")));
        List<Map<String, Object>> ds = given().auth().oauth2(TOKEN).get("/subscriptions/{id}/deliveries", id)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2, ds.size());
        assertTrue(ds.stream().allMatch(d -> d.get("status").equals("cancelled")), ds.toString());
        assertTrue(ds.stream().allMatch(d -> ((String) d.get("lastError")).contains("127.0.0.1")), ds.toString());
    }
}
