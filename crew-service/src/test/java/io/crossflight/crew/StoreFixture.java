package io.crossflight.crew;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;

import io.crossflight.crew.store.CrewStore;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.store.ProcessedEvents;
import io.crossflight.store.changes.ChangeLog;
import io.crossflight.testkit.TestInfra;

/** The crew store on its own real PostgreSQL database, migrated by the service's own Flyway scripts, without Quarkus. */
final class StoreFixture implements AutoCloseable {

    final Connection connection;
    final CrewStore store = new CrewStore(new ProcessedEvents(), new ChangeLog());

    StoreFixture(String database) throws SQLException {
        this(database, true);
    }

    /** Without migrating: for the database a running crew-service already owns. */
    StoreFixture(String database, boolean migrate) throws SQLException {
        String url = TestInfra.jdbcUrl(database);
        if (migrate) {
            Flyway.configure().dataSource(url, TestInfra.username(), TestInfra.password())
                    .locations("classpath:db/migration").load().migrate();
        }
        connection = DriverManager.getConnection(url, TestInfra.username(), TestInfra.password());
        connection.setAutoCommit(false);
    }

    void reset() throws SQLException {
        CrewStore.reset(connection);
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM change_log");
        }
        connection.commit();
    }

    /** Applies each event in its own transaction, as the consumer does. */
    int applyAll(List<MissionUpdateEvent> events) throws SQLException {
        int applied = 0;
        for (MissionUpdateEvent e : events) {
            if (store.apply(connection, e, true)) {
                applied++;
            }
            connection.commit();
        }
        return applied;
    }

    /** Applies the events in transactions of the given sizes, as the live consumer applies its batches. */
    int applyInBatches(List<MissionUpdateEvent> events, List<Integer> sizes) throws SQLException {
        int applied = 0;
        int from = 0;
        for (int size : sizes) {
            int to = Math.min(events.size(), from + size);
            applied += store.applyAll(connection, events.subList(from, to), true);
            connection.commit();
            from = to;
        }
        if (from < events.size()) {
            throw new IllegalArgumentException("batch sizes cover " + from + " of " + events.size() + " events");
        }
        return applied;
    }

    /** Every stored and materialised row, as text, in a fixed order: equal dumps mean equal stores. */
    String dump() throws SQLException {
        List<String> out = new ArrayList<>();
        query(out, "SELECT event_id, mission_id FROM processed_events ORDER BY event_id");
        query(out, "SELECT * FROM crew_mission_facts ORDER BY event_id");
        query(out, "SELECT * FROM crew_claims ORDER BY person_id, event_id");
        query(out, "SELECT * FROM crew_missions ORDER BY mission_id");
        query(out, "SELECT * FROM crew_persons ORDER BY id");
        query(out, "SELECT * FROM crew_assignments ORDER BY person_id, mission_id");
        return String.join("\n", out);
    }

    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeUpdate(sql);
        }
        connection.commit();
    }

    List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        connection.commit();
        return out;
    }

    private void query(List<String> out, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                }
                out.add(sb.toString());
            }
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
