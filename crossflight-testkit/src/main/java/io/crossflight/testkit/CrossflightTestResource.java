package io.crossflight.testkit;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared real Kafka and at its own real PostgreSQL database.
 * Use as {@code @WithTestResource(value = CrossflightTestResource.class, initArgs = @ResourceArg(name = "database", value = "missions"))}.
 */
public class CrossflightTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "crossflight";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", TestInfra.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestInfra.jdbcUrl(database));
        config.put("quarkus.datasource.username", TestInfra.username());
        config.put("quarkus.datasource.password", TestInfra.password());
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole test JVM; stopped by a shutdown hook.
    }
}
