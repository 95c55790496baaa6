package io.crossflight.mission;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;

import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.store.MissionStore;
import io.crossflight.store.ProcessedEvents;
import io.crossflight.store.changes.ChangeLog;

/** The store on a real PostgreSQL database, outside Quarkus: the migrations the service runs, the applier, snapshots. */
public final class StoreHarness implements AutoCloseable {

    public final Connection connection;
    public final MissionStore store = new MissionStore(new ProcessedEvents(), new ChangeLog());

    public StoreHarness(String jdbcUrl, String user, String password) throws SQLException {
        // The same locations as quarkus.flyway.locations: the service's V1_x and store-common's V0_x.
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        connection.setAutoCommit(false);
    }

    public void truncate() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("TRUNCATE mission_search_term, mission_crew, mission, crew_claim, mission_claim, mission_event, processed_events, change_log");
        }
        connection.commit();
    }

    /** Applies the events in transactions of {@code chunk} events each; returns how many were new. */
    public int apply(List<MissionUpdateEvent> events, int chunk) throws SQLException {
        int applied = 0;
        for (int i = 0; i < events.size(); i += chunk) {
            applied += store.apply(connection, events.subList(i, Math.min(events.size(), i + chunk)), true);
            connection.commit();
        }
        return applied;
    }

    /**
     * Everything the store holds that must not depend on delivery order: materialised missions,
     * crews, search terms, every claim, the processed-event ids (not applied_at, not the change log).
     */
    public String snapshot() throws SQLException {
        String[] queries = {
                "SELECT id, name, status, launch_date, launch_date_start, launch_date_end, updated_at, state, detail FROM mission",
                "SELECT * FROM mission_crew",
                "SELECT * FROM mission_search_term",
                "SELECT event_id, mission_id, article_id, published_at, published_at_known, article_title, article_source, article_url, "
                        + "mission_name, aliases FROM mission_event",
                "SELECT * FROM mission_claim",
                "SELECT * FROM crew_claim",
                "SELECT event_id, mission_id, article_id FROM processed_events" };
        StringBuilder sb = new StringBuilder();
        try (Statement st = connection.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = st.executeQuery("SELECT coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '') FROM (" + q + ") x")) {
                    rs.next();
                    sb.append(q).append('\n').append(rs.getString(1)).append("\n\n");
                }
            }
        }
        connection.commit();
        return sb.toString();
    }

    public long count(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
