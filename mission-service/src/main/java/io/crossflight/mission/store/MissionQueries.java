package io.crossflight.mission.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crossflight.mission.store.EventClaims.AssignmentClaim;
import io.crossflight.mission.store.EventClaims.FieldClaim;

/** Reads of the mission store: materialised documents for speed, claims for history and {@code asOf}. */
public final class MissionQueries {

    private MissionQueries() {
    }

    /** The stored GET /missions/{id} document (with provenance), as JSON. */
    public static Optional<String> detail(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT detail::text FROM mission WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mission WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A stored event with when this service applied it. */
    public record StoredEvent(EventClaims claims, Instant appliedAt) {
    }

    /**
     * Every stored event of the mission published up to {@code upTo} (all when null), oldest
     * claim first, rebuilt from the claim tables.
     */
    public static List<StoredEvent> events(Connection c, String missionId, Instant upTo) throws SQLException {
        String until = upTo == null ? "" : " AND published_at <= ?";
        Map<String, EventRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, article_id, published_at, published_at_known, article_title, "
                + "article_source, article_url, mission_name, aliases, applied_at FROM mission_event WHERE mission_id = ?" + until
                + " ORDER BY published_at, article_id, event_id")) {
            bind(ps, missionId, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EventRow r = new EventRow();
                    r.eventId = rs.getString(1);
                    r.articleId = rs.getString(2);
                    r.publishedAt = rs.getTimestamp(3).toInstant();
                    r.publishedAtKnown = rs.getBoolean(4);
                    r.title = rs.getString(5);
                    r.source = rs.getString(6);
                    r.url = rs.getString(7);
                    r.name = rs.getString(8);
                    r.aliases = strings(rs.getArray(9));
                    r.appliedAt = rs.getTimestamp(10).toInstant();
                    rows.put(r.eventId, r);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<FieldClaim>> fields = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, field, value, date_precision, date_season, date_text, evidence, "
                + "confidence FROM mission_claim WHERE mission_id = ?" + until)) {
            bind(ps, missionId, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fields.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new FieldClaim(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), strings(rs.getArray(7)), rs.getDouble(8)));
                }
            }
        }
        Map<String, List<AssignmentClaim>> crew = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, person_id, person_name, person_aliases, agency, nationality, role, "
                + "assignment, position, evidence, confidence FROM crew_claim WHERE mission_id = ?" + until + " ORDER BY person_id")) {
            bind(ps, missionId, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    crew.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new AssignmentClaim(rs.getString(2),
                            rs.getString(3), strings(rs.getArray(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), strings(rs.getArray(10)), rs.getDouble(11)));
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>(rows.size());
        for (EventRow r : rows.values()) {
            List<FieldClaim> fs = new ArrayList<>(fields.getOrDefault(r.eventId, List.of()));
            fs.sort((a, b) -> Integer.compare(EventClaims.FIELDS.indexOf(a.field()), EventClaims.FIELDS.indexOf(b.field())));
            out.add(new StoredEvent(new EventClaims(r.eventId, missionId, r.articleId, r.publishedAt, r.publishedAtKnown, r.title,
                    r.source, r.url, r.name, r.aliases, List.copyOf(fs), List.copyOf(crew.getOrDefault(r.eventId, List.of()))),
                    r.appliedAt));
        }
        return out;
    }

    private static final class EventRow {
        String eventId;
        String articleId;
        Instant publishedAt;
        boolean publishedAtKnown;
        String title;
        String source;
        String url;
        String name;
        List<String> aliases;
        Instant appliedAt;
    }

    private static void bind(PreparedStatement ps, String missionId, Instant upTo) throws SQLException {
        ps.setString(1, missionId);
        if (upTo != null) {
            ps.setTimestamp(2, Timestamp.from(upTo));
        }
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    /** What GET /missions filters and sorts by; null means "not filtered". */
    public record Search(String q, List<String> statuses, List<String> crew, String agency, LocalDate launchFrom,
                         LocalDate launchTo, Sort sort, int page, int size) {
    }

    public enum Sort {
        RELEVANCE("h.score DESC, lower(m.name), m.id"),
        NAME("lower(m.name), m.id"),
        NAME_DESC("lower(m.name) DESC, m.id DESC"),
        LAUNCH_DATE("m.launch_date_start NULLS LAST, lower(m.name), m.id"),
        LAUNCH_DATE_DESC("m.launch_date_start DESC NULLS LAST, lower(m.name), m.id"),
        UPDATED_AT("m.updated_at, m.id"),
        UPDATED_AT_DESC("m.updated_at DESC, m.id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /** One page of list documents (JSON) and how many match in all. */
    public record Page(List<String> items, long total) {
    }

    /**
     * Filters and pages missions. {@code q} is normalised like the stored terms and matched as a
     * substring (with and without spaces) or by trigram word similarity, all served by the GIN
     * trigram index; the best-matching term ranks a mission.
     */
    public static Page search(Connection c, Search s, double wordSimilarity) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        String norm = s.q() == null ? null : SearchText.normalize(s.q());
        if (norm != null) {
            if (norm.isEmpty()) {
                return new Page(List.of(), 0);
            }
            String compact = SearchText.compact(norm);
            from.append("WITH h AS (SELECT t.mission_id, max(CASE WHEN t.term = ? OR t.term = ? THEN 2 "
                    + "WHEN t.term LIKE ? OR t.term LIKE ? THEN 1 ELSE 0 END + word_similarity(?, t.term)) AS score "
                    + "FROM mission_search_term t WHERE t.term LIKE ? OR t.term LIKE ? OR ? <% t.term GROUP BY t.mission_id) "
                    + "SELECT {cols} FROM mission m JOIN h ON h.mission_id = m.id WHERE true");
            args.addAll(List.of(norm, compact, norm + "%", compact + "%", norm, "%" + norm + "%", "%" + compact + "%", norm));
        } else {
            from.append("SELECT {cols} FROM mission m WHERE true");
        }
        if (s.statuses() != null) {
            from.append(" AND m.status = ANY(?)");
            args.add(c.createArrayOf("text", s.statuses().toArray()));
        }
        if (s.crew() != null) {
            from.append(" AND EXISTS (SELECT 1 FROM mission_crew mc WHERE mc.mission_id = m.id AND mc.person_id = ANY(?))");
            args.add(c.createArrayOf("text", s.crew().toArray()));
        }
        if (s.agency() != null) {
            from.append(" AND EXISTS (SELECT 1 FROM mission_crew mc WHERE mc.mission_id = m.id AND lower(mc.agency) = lower(?))");
            args.add(s.agency());
        }
        // A launch date is a period (a month, a season): it matches when it overlaps the range.
        if (s.launchFrom() != null) {
            from.append(" AND m.launch_date_end >= ?");
            args.add(Date.valueOf(s.launchFrom()));
        }
        if (s.launchTo() != null) {
            from.append(" AND m.launch_date_start <= ?");
            args.add(Date.valueOf(s.launchTo()));
        }
        Sort sort = s.sort() == Sort.RELEVANCE && norm == null ? Sort.NAME : s.sort();
        if (norm != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('pg_trgm.word_similarity_threshold', ?, false)")) {
                ps.setString(1, Double.toString(wordSimilarity));
                ps.executeQuery().close();
            }
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement(from.toString().replace("{cols}", "count(*)"))) {
            set(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<String> items = new ArrayList<>();
        if (total > (long) s.page() * s.size()) {
            try (PreparedStatement ps = c.prepareStatement(from.toString().replace("{cols}", "m.detail::text")
                    + " ORDER BY " + sort.orderBy + " LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(s.size());
                all.add((long) s.page() * s.size());
                set(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(listDocument(rs.getString(1)));
                    }
                }
            }
        }
        return new Page(items, total);
    }

    /**
     * The list document: the stored GET document without its provenance. {@code provenance} is the
     * document's last member (MissionView's property order) and no other object has that key; a
     * quote inside a JSON string is always escaped, so {@code ,"provenance":} can only be that key.
     */
    static String listDocument(String detail) {
        int at = detail.indexOf(",\"provenance\":");
        return at < 0 ? detail : detail.substring(0, at) + "}";
    }

    private static void set(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
