package io.crossflight.store.testapp;

import java.sql.Connection;
import java.sql.DriverManager;

import org.eclipse.microprofile.config.ConfigProvider;

/** A connection of its own to the test application's database, outside any transaction of the app. */
public final class TestDb {
    private TestDb() {
    }

    public static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
