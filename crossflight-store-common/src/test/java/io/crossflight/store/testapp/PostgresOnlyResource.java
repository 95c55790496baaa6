package io.crossflight.store.testapp;

import java.util.Map;

import io.crossflight.testkit.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Real PostgreSQL for the store-common test application; it needs no Kafka. */
public class PostgresOnlyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestInfra.jdbcUrl("store_common_test"),
                "quarkus.datasource.username", TestInfra.username(),
                "quarkus.datasource.password", TestInfra.password());
    }

    @Override
    public void stop() {
    }
}
