package io.crossflight.crew.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the crew store on a given connection. */
public final class CrewReader {

    private CrewReader() {
    }

    /** A person's claims, optionally only those published up to {@code asOf} (inclusive), oldest first. */
    public static List<ClaimRow> claims(Connection c, String personId, Instant asOf) throws SQLException {
        String sql = """
                SELECT c.event_id, c.article_id, c.published_at, f.published_at_known, f.article_title, f.article_source,
                       f.article_url, c.mission_id, f.mission_name, c.person_id, c.name, c.aliases::text, c.agency,
                       c.nationality, c.role, c.assignment, c.position, c.evidence::text, c.confidence
                  FROM crew_claims c JOIN crew_mission_facts f ON f.event_id = c.event_id
                 WHERE c.person_id = ?""" + (asOf == null ? "" : " AND c.published_at <= ?") + """

                 ORDER BY c.published_at, c.article_id, c.event_id""";
        List<ClaimRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, personId);
            if (asOf != null) {
                ps.setTimestamp(2, Timestamp.from(asOf));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ClaimRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), Json.strings(rs.getString(12)), rs.getString(13),
                            rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                            Json.strings(rs.getString(18)), rs.getDouble(19)));
                }
            }
        }
        return rows;
    }

    /** The mission facts stored for one mission, optionally only those published up to {@code asOf}. */
    public static List<MissionFactRow> missionFacts(Connection c, String missionId, Instant asOf) throws SQLException {
        String sql = "SELECT event_id, article_id, published_at, mission_id, mission_name, status FROM crew_mission_facts WHERE mission_id = ?"
                + (asOf == null ? "" : " AND published_at <= ?");
        List<MissionFactRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, missionId);
            if (asOf != null) {
                ps.setTimestamp(2, Timestamp.from(asOf));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new MissionFactRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    /** Current (materialised) name and status of the given missions. */
    public static Map<String, MissionState> missionStates(Connection c, Collection<String> missionIds) throws SQLException {
        Map<String, MissionState> states = new HashMap<>();
        if (missionIds.isEmpty()) {
            return states;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT mission_id, name, status, name_article_id, name_published_at, status_article_id, status_published_at
                  FROM crew_missions WHERE mission_id = ANY (?)""")) {
            Array ids = c.createArrayOf("text", missionIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), new MissionState(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), CrewStore.ts(rs.getTimestamp(5)), rs.getString(6), CrewStore.ts(rs.getTimestamp(7))));
                }
            }
        }
        return states;
    }

    /** Mission name and status as the news described them up to {@code asOf}. */
    public static Map<String, MissionState> missionStatesAsOf(Connection c, Collection<String> missionIds, Instant asOf) throws SQLException {
        Map<String, MissionState> states = new HashMap<>();
        for (String id : missionIds) {
            MissionState s = CrewResolver.mission(id, missionFacts(c, id, asOf));
            if (s != null) {
                states.put(id, s);
            }
        }
        return states;
    }

    /** The materialised view of one person, or null. */
    public static PersonView view(Connection c, String personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT view::text FROM crew_persons WHERE id = ?")) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Json.view(rs.getString(1)) : null;
            }
        }
    }

    /** Every materialised view, by id. */
    public static Map<String, PersonView> allViews(Connection c) throws SQLException {
        Map<String, PersonView> views = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, view::text FROM crew_persons");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                views.put(rs.getString(1), Json.view(rs.getString(2)));
            }
        }
        return views;
    }

    /** Whether any claim about the person exists at all. */
    public static boolean known(Connection c, String personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM crew_claims WHERE person_id = ? LIMIT 1")) {
            ps.setString(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Query parameters of {@code GET /crew}, already validated. */
    public record Search(List<String> words, String agency, String missionId, String role, String nationality,
                         int page, int size, double similarity, boolean trigrams) {
    }

    public record Result(List<PersonView> items, long total) {
    }

    public static Result search(Connection c, Search s) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        for (String w : s.words()) {
            // Substring on the folded key finds exact spellings in any script; trigram word similarity
            // forgives small typos (Petelim, Prokopyef) where pg_trgm exists.
            if (s.trigrams() && w.length() >= 3) {
                where.append(" AND (p.search_key LIKE ? OR ? <% p.search_key)");
                args.add("%" + w + "%");
                args.add(w);
            } else {
                where.append(" AND p.search_key LIKE ?");
                args.add("%" + w + "%");
            }
        }
        if (s.agency() != null) {
            where.append(" AND lower(p.agency) = lower(?)");
            args.add(s.agency());
        }
        if (s.role() != null) {
            where.append(" AND p.role = ?");
            args.add(s.role());
        }
        if (s.nationality() != null) {
            where.append(" AND p.nationality = ?");
            args.add(s.nationality());
        }
        if (s.missionId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM crew_assignments a WHERE a.person_id = p.id AND a.mission_id = ?"
                    + " AND a.assignment IN ('prime', 'backup'))");
            args.add(s.missionId());
        }
        if (s.trigrams() && !s.words().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('pg_trgm.word_similarity_threshold', ?, false)")) {
                ps.setString(1, Double.toString(s.similarity()));
                ps.execute();
            }
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM crew_persons p" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<PersonView> items = new ArrayList<>();
        // Ordered by name with the id as tie-breaker: pages never overlap or skip.
        try (PreparedStatement ps = c.prepareStatement("SELECT p.view::text FROM crew_persons p" + where
                + " ORDER BY p.sort_name, p.id LIMIT ? OFFSET ?")) {
            List<Object> all = new ArrayList<>(args);
            all.add(s.size());
            all.add((long) s.page() * s.size());
            bind(ps, all);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(Json.view(rs.getString(1)));
                }
            }
        }
        return new Result(items, total);
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    public static boolean hasTrigrams(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
