package io.crossflight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crossflight.events.MissionUpdateEvent;

/** The processed-event log (debezium outbox example's message log). */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    DataSource dataSource;

    /**
     * Records the event as applied on the caller's connection; false when it was applied before.
     * Must run in the same transaction as the store change.
     */
    public boolean claim(Connection c, MissionUpdateEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO processed_events (event_id, mission_id, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, e.id());
            ps.setString(2, e.data().mission().id());
            ps.setString(3, e.data().articleId());
            return ps.executeUpdate() == 1;
        }
    }

    public boolean isApplied(String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM processed_events WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read processed events", ex);
        }
    }
}
