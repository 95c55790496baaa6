package io.crossflight.store.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossflight.events.MissionUpdateCodec;

/**
 * The store's change log: every committed change of a mission or person, in commit order.
 * Written in the caller's transaction, so a rolled-back change is never logged nor announced.
 *
 * <p>Writers are serialised by a trigger (V0_4) that takes a transaction-scoped advisory lock
 * before drawing the seq, so {@code seq} order is commit order: whoever has seen seq N
 * committed has also seen every change below N. That is what lets SSE streams and the webhook
 * fan-out tail the log with a plain {@code seq > cursor} and never skip a change that
 * committed late. The lock is held until commit: record changes as late as possible in the
 * apply transaction, after the per-entity locks.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Logger LOG = Logger.getLogger(ChangeLog.class);
    private static final TypeReference<Map<String, Set<String>>> TAGS = new TypeReference<>() {
    };
    private static final Object WAKE_KEY = new Object();

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ChangeSignal signal;

    /** Records the change in the caller's (JTA-enlisted) transaction; announced after it commits. */
    public void record(Connection c, ChangeNotice notice) throws SQLException {
        recordAll(c, List.of(notice));
    }

    /** Records several changes in one batch, in list order, in the caller's transaction. */
    public void recordAll(Connection c, List<ChangeNotice> notices) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO change_log (type, entity_id, event_id, payload, tags) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")) {
            for (ChangeNotice notice : notices) {
                if (notice.changes() == null || notice.changes().isEmpty()) {
                    continue;
                }
                ps.setString(1, notice.type());
                ps.setString(2, notice.id());
                ps.setString(3, notice.eventId());
                ps.setString(4, json(notice));
                ps.setString(5, write(tags(notice)));
                ps.addBatch();
                n++;
            }
            if (n == 0) {
                return;
            }
            ps.executeBatch();
        }
        announceAfterCommit(c);
    }

    /** Wakes the in-process feed once the surrounding transaction commits (never on rollback). */
    private void announceAfterCommit(Connection c) throws SQLException {
        if (signal == null) {
            return; // constructed outside CDI (unit tests): the poller still finds the change
        }
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            if (transactions.getResource(WAKE_KEY) == null) {
                transactions.putResource(WAKE_KEY, Boolean.TRUE);
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            signal.fire();
                        }
                    }
                });
            }
        } else if (c.getAutoCommit()) {
            signal.fire();
        }
        // A local transaction without JTA: the feed's poll picks the change up after commit.
    }

    /** The id is always matchable as {@code id}; keys and values compare case-insensitively. */
    static Map<String, Set<String>> tags(ChangeNotice notice) {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        if (notice.tags() != null) {
            notice.tags().forEach((k, v) -> {
                if (k != null && v != null) {
                    Set<String> values = new TreeSet<>();
                    v.stream().filter(x -> x != null && !x.isBlank()).forEach(x -> values.add(x.toLowerCase()));
                    tags.put(k.toLowerCase(), values);
                }
            });
        }
        tags.computeIfAbsent("id", k -> new TreeSet<>()).add(notice.id().toLowerCase());
        return tags;
    }

    /** The newest seq, 0 for an empty log. */
    public long latestSeq() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM change_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Committed changes after {@code seq}, oldest first. */
    public List<LoggedChange> readAfter(long seq, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return readAfter(c, seq, limit);
        }
    }

    public static List<LoggedChange> readAfter(Connection c, long seq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, type, entity_id, event_id, payload::text, tags::text, created_at FROM change_log "
                        + "WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            List<LoggedChange> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LoggedChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            (ObjectNode) MissionUpdateCodec.mapper().readTree(rs.getString(5)),
                            readTags(rs.getString(6)), rs.getTimestamp(7).toInstant()));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("unreadable change_log row: " + e.getOriginalMessage(), e);
            }
            return out;
        }
    }

    private static Map<String, Set<String>> readTags(String json) {
        try {
            return json == null ? Map.of() : Collections.unmodifiableMap(MissionUpdateCodec.mapper().readValue(json, TAGS));
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable change_log tags %s", json);
            return Map.of();
        }
    }

    static String json(ChangeNotice notice) {
        return write(notice);
    }

    private static String write(Object value) {
        try {
            return MissionUpdateCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise change notice", e);
        }
    }
}
