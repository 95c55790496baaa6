package io.crossflight.store.subscriptions;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.store.changes.ChangeFilter;

/** Webhook subscriptions and their deliveries, in the service's own database. */
@ApplicationScoped
public class Subscriptions {

    private static final TypeReference<Map<String, Set<String>>> FILTER = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, callback_url, filter::text, secret, description, status, disabled_reason, "
            + "disabled_at, consecutive_failures, failing_since, last_success_at, created_at";

    @Inject
    DataSource dataSource;

    @Inject
    WebhookMetrics metrics;

    /** A new active subscription that receives every matching change committed from now on. */
    public Subscription create(URI callbackUrl, ChangeFilter filter, String description) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO webhook_subscriptions (id, callback_url, filter, secret, description, cursor_seq) "
                                + "VALUES (?, ?, ?::jsonb, ?, ?, (SELECT coalesce(max(seq), 0) FROM change_log)) RETURNING " + COLUMNS)) {
            ps.setString(1, Ids.next("sub"));
            ps.setString(2, callbackUrl.toString());
            ps.setString(3, json(filter.criteria()));
            ps.setString(4, WebhookSigner.newSecret());
            ps.setString(5, description);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return subscription(rs);
            }
        }
    }

    public Optional<Subscription> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(subscription(rs)) : Optional.empty();
            }
        }
    }

    public List<Subscription> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id");
                ResultSet rs = ps.executeQuery()) {
            List<Subscription> out = new ArrayList<>();
            while (rs.next()) {
                out.add(subscription(rs));
            }
            return out;
        }
    }

    /**
     * Turns a disabled subscription back on with a clean failure streak. Consistent with
     * disabling, which cancelled the pending deliveries and fanned out nothing since, it resumes
     * like a new subscription: from the changes committed after this call (the cursor moves to
     * the log's end), leaving the cancelled deliveries cancelled. An active one is left as it is.
     *
     * @return the subscription as it now is; empty when there is none with this id
     */
    public Optional<Subscription> enable(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE webhook_subscriptions SET status = 'active', disabled_reason = NULL, disabled_at = NULL, "
                                + "consecutive_failures = 0, failing_since = NULL, "
                                + "cursor_seq = greatest(cursor_seq, (SELECT coalesce(max(seq), 0) FROM change_log)) "
                                + "WHERE id = ? AND status = 'disabled' RETURNING " + COLUMNS)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    metrics.enabled();
                    return Optional.of(subscription(rs));
                }
            }
        }
        return find(id);
    }

    /** Deletes it with its deliveries; false when there was none. */
    public boolean delete(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_subscriptions WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Newest first, each with its attempts. */
    public List<Delivery> deliveries(String subscriptionId, String status, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Delivery> byId = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, change_seq, type, entity_id, status, attempts, last_status_code, last_error, next_attempt_at, "
                            + "last_attempt_at, delivered_at, created_at FROM webhook_deliveries "
                            + "WHERE subscription_id = ? AND (?::text IS NULL OR status = ?) ORDER BY change_seq DESC LIMIT ?")) {
                ps.setString(1, subscriptionId);
                ps.setString(2, status);
                ps.setString(3, status);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer code = (Integer) rs.getObject(7);
                        byId.put(rs.getString(1), new Delivery(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), code, rs.getString(8),
                                instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                                instant(rs.getTimestamp(12)), new ArrayList<>()));
                    }
                }
            }
            if (!byId.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms FROM webhook_attempts "
                                + "WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt")) {
                    ps.setArray(1, c.createArrayOf("text", byId.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byId.get(rs.getString(1)).attemptLog().add(new Delivery.Attempt(rs.getInt(2),
                                    instant(rs.getTimestamp(3)), (Integer) rs.getObject(4), rs.getString(5), (Long) rs.getObject(6)));
                        }
                    }
                }
            }
            return new ArrayList<>(byId.values());
        }
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString(1), rs.getString(2), filter(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), rs.getInt(9), instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
    }

    static Map<String, Set<String>> filter(String json) {
        try {
            return json == null ? Map.of() : MissionUpdateCodec.mapper().readValue(json, FILTER);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable subscription filter " + json, e);
        }
    }

    static String json(Object value) {
        try {
            return MissionUpdateCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
