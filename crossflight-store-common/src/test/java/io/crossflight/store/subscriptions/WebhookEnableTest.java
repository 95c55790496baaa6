package io.crossflight.store.subscriptions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.store.testapp.PostgresOnlyResource;
import io.crossflight.testkit.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Re-enabling a subscription that was disabled for failing, and the delivery meters, against a
 * real HTTP receiver on real PostgreSQL. A small budget: the third consecutive failure disables,
 * and the third attempt of a delivery is its last.
 */
@QuarkusTest
@WithTestResource(PostgresOnlyResource.class)
@TestProfile(WebhookEnableTest.FailFast.class)
class WebhookEnableTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TOKEN = "enable-token";

    public static class FailFast implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossflight.api-token", TOKEN,
                    "crossflight.webhooks.disable-after-failures", "3",
                    "crossflight.webhooks.max-attempts", "3");
        }
    }

    @Inject
    MeterRegistry registry;

    @Inject
    WebhookDispatch dispatch;

    private static String subscribe(String url, String thingId) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", url, "filter", Map.of("id", List.of(thingId))))
                .post("/subscriptions").then().statusCode(201).extract().path("id");
    }

    private static void set(String id, String status) {
        given().auth().oauth2(TOKEN).post("/things/{id}/status/{status}", id, status).then().statusCode(200);
    }

    private static Map<String, Object> subscription(String id) {
        return given().auth().oauth2(TOKEN).get("/subscriptions/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static List<Map<String, Object>> deliveries(String id) {
        return given().auth().oauth2(TOKEN).get("/subscriptions/{id}/deliveries", id).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static void awaitDisabled(String id) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TOKEN).get("/subscriptions/{id}", id)
                .then().statusCode(200).body("status", equalTo("disabled"))
                .body("disabledReason", containsString("3 consecutive failed delivery attempts"))
                .body("disabledReason", containsString("HTTP 503"))
                .body("disabledAt", notNullValue())
                .body("consecutiveFailures", greaterThanOrEqualTo(3)));
    }

    private static String newValue(WebhookReceiver.Received r) throws Exception {
        return MissionUpdateCodec.mapper().readTree(r.body()).get("changes").get(0).get("new").asText();
    }

    @Test
    void aDisabledSubscriptionResumesWithChangesCommittedAfterItIsEnabled() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer = 503;
            String id = subscribe(receiver.url(), "enable-1");
            String secret = (String) subscription(id).get("secret");
            set("enable-1", "a");
            set("enable-1", "b");
            awaitDisabled(id);
            List<Map<String, Object>> before = deliveries(id);
            assertEquals(2, before.size(), before.toString());
            assertFalse(before.stream().anyMatch(d -> d.get("status").equals("pending")), "disabling leaves nothing pending: " + before);
            assertTrue(before.stream().anyMatch(d -> d.get("status").equals("cancelled")), before.toString());

            set("enable-1", "while-disabled");
            Thread.sleep(1000);
            assertEquals(2, deliveries(id).size(), "nothing is fanned out to a disabled subscription");

            receiver.answer = 204;
            int seen = receiver.received.size();
            given().post("/subscriptions/{id}/enable", id).then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2("wrong").post("/subscriptions/{id}/enable", id).then().statusCode(401);
            assertEquals("disabled", subscription(id).get("status"));

            given().auth().oauth2(TOKEN).post("/subscriptions/{id}/enable", id).then().statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("id", equalTo(id)).body("secret", equalTo(secret))
                    .body("status", equalTo("active"))
                    .body("disabledReason", nullValue()).body("disabledAt", nullValue())
                    .body("consecutiveFailures", equalTo(0)).body("failingSince", nullValue());
            Map<String, Object> enabled = subscription(id);
            given().auth().oauth2(TOKEN).post("/subscriptions/{id}/enable", id).then().statusCode(200).body("status", equalTo("active"));
            assertEquals(enabled, subscription(id), "enabling an active subscription changes nothing");

            // Neither the cancelled deliveries nor the change made while disabled are sent.
            Thread.sleep(1500);
            assertEquals(seen, receiver.received.size(), "nothing from before the re-enable was sent");
            List<Map<String, Object>> after = deliveries(id);
            assertEquals(before.stream().map(d -> d.get("id") + "=" + d.get("status")).toList(),
                    after.stream().map(d -> d.get("id") + "=" + d.get("status")).toList());

            set("enable-1", "after");
            await().atMost(WAIT).until(() -> receiver.received.size() > seen);
            await().atMost(WAIT).untilAsserted(() -> {
                List<Map<String, Object>> ds = deliveries(id);
                assertEquals(3, ds.size(), ds.toString());
                assertEquals("delivered", ds.get(0).get("status"));
                assertEquals(1, ds.get(0).get("attempts"));
            });
            Thread.sleep(500);
            List<WebhookReceiver.Received> sent = receiver.received.subList(seen, receiver.received.size());
            assertEquals(1, sent.size(), "only the change after re-enabling");
            assertEquals("after", newValue(sent.get(0)));
            assertEquals(WebhookReceiver.sign(secret, sent.get(0).id(), Long.parseLong(sent.get(0).timestamp()), sent.get(0).body()),
                    sent.get(0).signature());
            given().auth().oauth2(TOKEN).get("/subscriptions/{id}", id).then()
                    .body("status", equalTo("active")).body("consecutiveFailures", equalTo(0)).body("lastSuccessAt", notNullValue());

            given().auth().oauth2(TOKEN).delete("/subscriptions/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void enablingAnUnknownSubscriptionIsANotFoundProblem() {
        given().auth().oauth2(TOKEN).post("/subscriptions/sub_nope/enable").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TOKEN).post("/subscriptions/" + "x".repeat(300) + "/enable").then().statusCode(404);
    }

    private double attempts(String outcome) {
        return registry.find(WebhookMetrics.ATTEMPTS).tag("outcome", outcome).counter().count();
    }

    private double counter(String name) {
        return registry.find(name).counter().count();
    }

    private double pending() {
        return registry.find(WebhookMetrics.PENDING).gauge().value();
    }

    @Test
    void deliveryOutcomesDisablingAndTheBacklogAreMetered() throws Exception {
        double success = attempts("success");
        double failure = attempts("failure");
        double givenUp = attempts("given_up");
        double disabled = counter(WebhookMetrics.DISABLED);
        double enabled = counter(WebhookMetrics.ENABLED);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer = 503;
            String id = subscribe(receiver.url(), "metrics-1");
            set("metrics-1", "x");
            // One delivery, three failed attempts: two retried, the last gives up, and the third failure disables.
            awaitDisabled(id);
            await().atMost(WAIT).untilAsserted(() -> {
                assertEquals(failure + 2, attempts("failure"), "failed attempts to be retried");
                assertEquals(givenUp + 1, attempts("given_up"), "last attempts");
                assertEquals(disabled + 1, counter(WebhookMetrics.DISABLED), "subscriptions disabled");
            });
            assertEquals(success, attempts("success"));
            List<Map<String, Object>> ds = deliveries(id);
            assertEquals(1, ds.size());
            assertEquals("failed", ds.get(0).get("status"));
            assertEquals(3, ds.get(0).get("attempts"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> log = (List<Map<String, Object>>) ds.get(0).get("attemptLog");
            assertEquals(List.of(503, 503, 503), log.stream().map(a -> a.get("statusCode")).toList(), "every attempt recorded");

            receiver.answer = 204;
            given().auth().oauth2(TOKEN).post("/subscriptions/{id}/enable", id).then().statusCode(200);
            given().auth().oauth2(TOKEN).post("/subscriptions/{id}/enable", id).then().statusCode(200);
            assertEquals(enabled + 1, counter(WebhookMetrics.ENABLED), "a re-enable counts once");

            // With the dispatcher stopped, a change fanned out waits: the gauge sees it.
            double waiting;
            dispatch.stop();
            try {
                waiting = pending();
                set("metrics-1", "y");
                dispatch.newDispatcher().fanOut();
                assertEquals(waiting + 1, pending(), "the fanned-out delivery is waiting");
            } finally {
                dispatch.start();
            }
            await().atMost(WAIT).untilAsserted(() -> {
                assertEquals(success + 1, attempts("success"));
                assertEquals(waiting, pending());
            });
            assertEquals(failure + 2, attempts("failure"));
            assertEquals(givenUp + 1, attempts("given_up"));
            assertEquals(1, receiver.received.stream().filter(r -> {
                try {
                    return newValue(r).equals("y");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count());
            given().auth().oauth2(TOKEN).delete("/subscriptions/{id}", id).then().statusCode(204);
        }
    }
}
