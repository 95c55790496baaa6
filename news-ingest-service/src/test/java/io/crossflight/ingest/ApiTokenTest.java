package io.crossflight.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crossflight.testkit.CrossflightTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With CROSSFLIGHT_API_TOKEN set, writes need the bearer token; reads stay public. */
@QuarkusTest
@TestProfile(ApiTokenTest.WithToken.class)
class ApiTokenTest {

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossflight.api-token", "s3cret-token");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CrossflightTestResource.class, Map.of("database", "ingest_token")));
        }
    }

    private static final String ARTICLE = "{\"body\": \"Shenzhou-99 will launch from Jiuquan Satellite Launch Center.\"}";

    @Test
    void writesNeedTheToken() {
        given().contentType("application/json").body(ARTICLE).post("/articles")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().contentType("application/json").header("Authorization", "Bearer wrong").body(ARTICLE).post("/articles")
                .then().statusCode(401);
        String id = given().contentType("application/json").header("Authorization", "Bearer s3cret-token").body(ARTICLE)
                .post("/articles").then().statusCode(202).extract().path("id");
        given().get("/articles/" + id).then().statusCode(200);
    }
}
