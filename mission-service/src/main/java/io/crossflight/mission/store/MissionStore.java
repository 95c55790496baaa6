package io.crossflight.mission.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.store.EventClaims.AssignmentClaim;
import io.crossflight.mission.store.EventClaims.FieldClaim;
import io.crossflight.store.MissionUpdateStore;
import io.crossflight.store.ProcessedEvents;
import io.crossflight.store.changes.ChangeLog;
import io.crossflight.store.changes.ChangeNotice;
import io.crossflight.store.changes.FieldChange;

/**
 * Applies mission-update events on a caller's connection, inside the caller's transaction:
 * claims the event ids, keeps every claim, folds the new claims into each mission's stored
 * {@link MissionState} and rewrites the materialised rows, and logs what visibly changed.
 *
 * <p>Plain JDBC on purpose: the live consumer calls it with each Kafka batch in a JTA transaction
 * (Agroal enlists the connection), the rebuild and the benchmark with a plain connection. A batch
 * of events costs a fixed number of round trips, whatever its size.
 */
@Singleton
public class MissionStore implements MissionUpdateStore {

    private static final ObjectMapper JSON = MissionUpdateCodec.mapper();

    private final ProcessedEvents processed;
    private final ChangeLog changeLog;

    @Inject
    public MissionStore(ProcessedEvents processed, ChangeLog changeLog) {
        this.processed = processed;
        this.changeLog = changeLog;
    }

    /**
     * The live consumer's batch (store-common's MissionUpdatesConsumer; poison records go to
     * {@code mission-updates.dlq.mission-service}): claims, materialised missions and the change
     * log in the consumer's transaction, announced.
     */
    @Override
    public int applyConsumed(Connection c, List<MissionUpdateEvent> events) throws SQLException {
        return apply(c, events, true);
    }

    /**
     * Applies the events not applied before; returns how many were new.
     *
     * @param announce whether to write change notices (false while rebuilding: the rebuilt
     *                 store ends where it was, subscribers have nothing new to hear)
     */
    public int apply(Connection c, List<MissionUpdateEvent> events, boolean announce) throws SQLException {
        Map<String, MissionUpdateEvent> unique = new LinkedHashMap<>();
        for (MissionUpdateEvent e : events) {
            unique.putIfAbsent(e.id(), e);
        }
        if (unique.isEmpty()) {
            return 0;
        }
        // Serialise writers of one mission (live consumer vs rebuild) before reading its state;
        // sorted, so two batches never wait on each other in a cycle.
        Set<String> missions = new TreeSet<>();
        unique.values().forEach(e -> missions.add(e.data().mission().id()));
        lock(c, missions);

        Set<String> claimed = processed.claimAll(c, List.copyOf(unique.values()));
        List<EventClaims> fresh = new ArrayList<>(claimed.size());
        for (MissionUpdateEvent e : unique.values()) {
            if (claimed.contains(e.id())) {
                fresh.add(EventClaims.of(e));
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        insertClaims(c, fresh);

        Set<String> touched = new TreeSet<>();
        fresh.forEach(e -> touched.add(e.missionId()));
        Map<String, MissionState> states = load(c, touched);
        Map<String, MissionView> initial = new HashMap<>();
        Map<String, Set<String>> initialNames = new HashMap<>();
        states.forEach((id, s) -> {
            initial.put(id, s.view(false));
            initialNames.put(id, s.searchNames());
        });

        Map<String, MissionView> current = new HashMap<>(initial);
        List<ChangeNotice> notices = new ArrayList<>();
        for (EventClaims e : fresh) {
            MissionState s = states.computeIfAbsent(e.missionId(), MissionState::empty);
            s.merge(e);
            if (announce) {
                MissionView before = current.get(e.missionId());
                MissionView after = s.view(false);
                current.put(e.missionId(), after);
                List<FieldChange> changes = MissionDiff.changes(before, after);
                if (!changes.isEmpty()) {
                    notices.add(new ChangeNotice(ChangeNotice.MISSION_CHANGED, e.missionId(), changes, e.articleId(),
                            e.eventId(), after, MissionDiff.tags(after)));
                }
            } else {
                current.remove(e.missionId()); // computed once, when written
            }
        }
        writeMissions(c, states, current, initial, initialNames);
        // Last: the change log serialises its writers until commit, and announces after it.
        if (!notices.isEmpty()) {
            changeLog.recordAll(c, notices);
        }
        return fresh.size();
    }

    private static void lock(Connection c, Set<String> missions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(hashtextextended(m, 7))) FROM (SELECT unnest(?::text[]) AS m ORDER BY 1) s")) {
            ps.setArray(1, c.createArrayOf("text", missions.toArray()));
            ps.executeQuery().close();
        }
    }

    private static void insertClaims(Connection c, List<EventClaims> events) throws SQLException {
        try (PreparedStatement ev = c.prepareStatement("INSERT INTO mission_event (event_id, mission_id, article_id, published_at, "
                + "published_at_known, article_title, article_source, article_url, mission_name, aliases) VALUES (?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement fc = c.prepareStatement("INSERT INTO mission_claim (mission_id, field, event_id, article_id, "
                        + "published_at, value, date_precision, date_season, date_text, evidence, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement cc = c.prepareStatement("INSERT INTO crew_claim (mission_id, person_id, event_id, article_id, "
                        + "published_at, assignment, position, person_name, person_aliases, agency, nationality, role, evidence, confidence) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int fields = 0;
            int crew = 0;
            for (EventClaims e : events) {
                Timestamp at = Timestamp.from(e.publishedAt());
                ev.setString(1, e.eventId());
                ev.setString(2, e.missionId());
                ev.setString(3, e.articleId());
                ev.setTimestamp(4, at);
                ev.setBoolean(5, e.publishedAtKnown());
                ev.setString(6, e.articleTitle());
                ev.setString(7, e.articleSource());
                ev.setString(8, e.articleUrl());
                ev.setString(9, e.missionName());
                ev.setArray(10, texts(c, e.aliases()));
                ev.addBatch();
                for (FieldClaim f : e.fields()) {
                    fc.setString(1, e.missionId());
                    fc.setString(2, f.field());
                    fc.setString(3, e.eventId());
                    fc.setString(4, e.articleId());
                    fc.setTimestamp(5, at);
                    fc.setString(6, f.value());
                    fc.setString(7, f.precision());
                    fc.setString(8, f.season());
                    fc.setString(9, f.text());
                    fc.setArray(10, texts(c, f.evidence()));
                    fc.setDouble(11, f.confidence());
                    fc.addBatch();
                    fields++;
                }
                for (AssignmentClaim a : e.crew()) {
                    cc.setString(1, e.missionId());
                    cc.setString(2, a.personId());
                    cc.setString(3, e.eventId());
                    cc.setString(4, e.articleId());
                    cc.setTimestamp(5, at);
                    cc.setString(6, a.assignment());
                    cc.setString(7, a.position());
                    cc.setString(8, a.name());
                    cc.setArray(9, texts(c, a.aliases()));
                    cc.setString(10, a.agency());
                    cc.setString(11, a.nationality());
                    cc.setString(12, a.role());
                    cc.setArray(13, texts(c, a.evidence()));
                    cc.setDouble(14, a.confidence());
                    cc.addBatch();
                    crew++;
                }
            }
            ev.executeBatch();
            if (fields > 0) {
                fc.executeBatch();
            }
            if (crew > 0) {
                cc.executeBatch();
            }
        }
    }

    private static Map<String, MissionState> load(Connection c, Set<String> ids) throws SQLException {
        Map<String, MissionState> states = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state::text FROM mission WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), read(rs.getString(2)));
                }
            }
        }
        return states;
    }

    private static void writeMissions(Connection c, Map<String, MissionState> states, Map<String, MissionView> current,
                                      Map<String, MissionView> initial, Map<String, Set<String>> initialNames) throws SQLException {
        List<String> crewChanged = new ArrayList<>();
        List<String> namesChanged = new ArrayList<>();
        Map<String, MissionView> finalViews = new HashMap<>();
        try (PreparedStatement up = c.prepareStatement("INSERT INTO mission (id, name, status, launch_date, launch_date_start, "
                + "launch_date_end, updated_at, state, detail) VALUES (?,?,?,?,?,?,?,?::json,?::json) "
                + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, launch_date = EXCLUDED.launch_date, "
                + "launch_date_start = EXCLUDED.launch_date_start, launch_date_end = EXCLUDED.launch_date_end, "
                + "updated_at = EXCLUDED.updated_at, state = EXCLUDED.state, detail = EXCLUDED.detail")) {
            for (MissionState s : new java.util.TreeMap<>(states).values()) {
                MissionView view = current.containsKey(s.id) ? current.get(s.id) : s.view(false);
                MissionView detail = s.detail(view);
                finalViews.put(s.id, view);
                MissionView before = initial.get(s.id);
                if (before == null || !before.crew().equals(view.crew())) {
                    crewChanged.add(s.id);
                }
                if (!Objects.equals(initialNames.get(s.id), s.searchNames())) {
                    namesChanged.add(s.id);
                }
                LaunchPeriod period = view.launchDate() == null ? null
                        : LaunchPeriod.of(view.launchDate().value(), view.launchDate().precision(), view.launchDate().season());
                up.setString(1, s.id);
                up.setString(2, view.name());
                up.setString(3, view.status());
                up.setString(4, view.launchDate() == null ? null : view.launchDate().value());
                up.setObject(5, period == null ? null : Date.valueOf(period.start()), Types.DATE);
                up.setObject(6, period == null ? null : Date.valueOf(period.end()), Types.DATE);
                up.setTimestamp(7, Timestamp.from(view.updatedAt()));
                up.setString(8, json(s));
                // The list document is this one without its provenance (MissionQueries.listDocument).
                up.setString(9, json(detail));
                up.addBatch();
            }
            up.executeBatch();
        }
        if (!crewChanged.isEmpty()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM mission_crew WHERE mission_id = ANY(?)");
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO mission_crew (mission_id, person_id, name, agency, assignment, position) VALUES (?,?,?,?,?,?)")) {
                del.setArray(1, c.createArrayOf("text", crewChanged.toArray()));
                del.executeUpdate();
                int n = 0;
                for (String id : crewChanged) {
                    for (MissionView.CrewMember m : finalViews.get(id).crew()) {
                        ins.setString(1, id);
                        ins.setString(2, m.id());
                        ins.setString(3, m.name());
                        ins.setString(4, m.agency());
                        ins.setString(5, m.assignment());
                        ins.setString(6, m.position());
                        ins.addBatch();
                        n++;
                    }
                }
                if (n > 0) {
                    ins.executeBatch();
                }
            }
        }
        if (!namesChanged.isEmpty()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM mission_search_term WHERE mission_id = ANY(?)");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO mission_search_term (mission_id, term) VALUES (?, ?)")) {
                del.setArray(1, c.createArrayOf("text", namesChanged.toArray()));
                del.executeUpdate();
                for (String id : namesChanged) {
                    for (String term : SearchText.terms(states.get(id).searchNames())) {
                        ins.setString(1, id);
                        ins.setString(2, term);
                        ins.addBatch();
                    }
                }
                ins.executeBatch();
            }
        }
    }

    private static Array texts(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values == null ? new Object[0] : values.toArray());
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    static MissionState read(String json) {
        try {
            return JSON.readValue(json, MissionState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mission state", e);
        }
    }
}
