package io.crossflight.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * {@link #claim} for a whole batch in one statement (one round trip, whatever the size), on the
     * caller's connection and transaction: the ids of the events not applied before, which are
     * now claimed. An id that occurs twice in the list is claimed once.
     */
    public Set<String> claimAll(Connection c, List<MissionUpdateEvent> events) throws SQLException {
        Map<String, MissionUpdateEvent> unique = new LinkedHashMap<>();
        for (MissionUpdateEvent e : events) {
            unique.putIfAbsent(e.id(), e);
        }
        Set<String> claimed = new HashSet<>();
        if (unique.isEmpty()) {
            return claimed;
        }
        String[] ids = new String[unique.size()];
        String[] missions = new String[ids.length];
        String[] articles = new String[ids.length];
        int i = 0;
        for (MissionUpdateEvent e : unique.values()) {
            ids[i] = e.id();
            missions[i] = e.data().mission().id();
            articles[i] = e.data().articleId();
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO processed_events (event_id, mission_id, article_id) "
                        + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", missions));
            ps.setArray(3, c.createArrayOf("text", articles));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        }
        return claimed;
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
