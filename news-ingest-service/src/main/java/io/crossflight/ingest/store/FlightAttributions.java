package io.crossflight.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.LaunchDateFact;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.extraction.DatePrecision;
import io.crossflight.extraction.FlightAttribution;
import io.crossflight.extraction.FlightAttribution.KnownMission;
import io.crossflight.extraction.LaunchDate;
import io.crossflight.extraction.Mission;
import io.crossflight.ingest.service.IngestResult.Attribution;

/**
 * Keeps unnamed flights and publishes one as an update of a named mission once
 * {@link FlightAttribution} finds exactly one that fits. Both directions run inside the article's
 * transaction under one advisory lock: a new article's flights are matched against every named
 * update stored, and a new article's named missions are offered to every flight still open, so the
 * same set of articles yields the same events whichever arrived first.
 */
final class FlightAttributions {

    private static final Logger LOG = Logger.getLogger(FlightAttributions.class);
    /** One lock for all attribution: concurrent articles must see each other's flights and missions. */
    private static final long LOCK = 0x43524f5353464cL;

    interface Queue {
        String queue(Connection c, MissionUpdateData update, boolean attributed) throws SQLException, JsonProcessingException;
    }

    private FlightAttributions() {
    }

    /**
     * Waits at most a few seconds: requests queued behind a stuck holder would each keep a pooled
     * connection. The transaction must be READ COMMITTED (the default), so that statements after
     * the wait see what the previous holder committed.
     */
    static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SET LOCAL lock_timeout = '5s'")) {
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK);
            ps.executeQuery().close();
        }
    }

    /** Remembers who a named update puts aboard, for matching. */
    static void recordCrew(Connection c, String eventId, MissionUpdateData u) throws SQLException {
        Set<String> aboard = aboard(u);
        if (aboard.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mission_crew (event_id, mission_id, person_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (String person : aboard) {
                ps.setString(1, eventId);
                ps.setString(2, u.mission().id());
                ps.setString(3, person);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Stores the new article's flights (each as the update it would become, mission left open) and
     * publishes those that already fit one named mission.
     */
    static List<Attribution> attributeNew(Connection c, NewArticle a, List<MissionUpdateData> flights, Queue queue)
            throws SQLException, JsonProcessingException {
        List<Attribution> done = new ArrayList<>();
        for (int i = 0; i < flights.size(); i++) {
            MissionUpdateData flight = flights.get(i);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO unnamed_flights (article_id, ordinal, spacecraft, crew_ids, template)
                    VALUES (?, ?, ?, ?, ?::jsonb)""")) {
                ps.setString(1, a.id());
                ps.setInt(2, i);
                ps.setString(3, spacecraft(flight));
                ps.setArray(4, c.createArrayOf("text", aboard(flight).toArray()));
                ps.setString(5, MissionUpdateCodec.mapper().writeValueAsString(flight));
                ps.executeUpdate();
            }
            attribute(c, a.id(), i, flight, day(a.publishedAt(), a.publishedAtKnown()), queue).ifPresent(done::add);
        }
        return done;
    }

    /** Offers the missions this article names to every flight of another article still open. */
    static List<Attribution> attributeEarlier(Connection c, String articleId, Collection<String> missionIds, Queue queue)
            throws SQLException, JsonProcessingException {
        if (missionIds.isEmpty()) {
            return List.of();
        }
        record Open(String articleId, int ordinal, MissionUpdateData flight, LocalDate published) {
        }
        List<Open> open = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT f.article_id, f.ordinal, f.template::text, a.published_at, a.published_at_known
                FROM unnamed_flights f JOIN articles a ON a.id = f.article_id
                WHERE f.attributed_to IS NULL AND f.article_id <> ?
                  AND f.crew_ids && ARRAY(SELECT DISTINCT person_id FROM mission_crew WHERE mission_id = ANY (?))
                ORDER BY f.article_id, f.ordinal""")) {
            ps.setString(1, articleId);
            ps.setArray(2, c.createArrayOf("text", missionIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        open.add(new Open(rs.getString(1), rs.getInt(2),
                                MissionUpdateCodec.mapper().readValue(rs.getString(3), MissionUpdateData.class),
                                day(rs.getTimestamp(4), rs.getBoolean(5))));
                    } catch (JsonProcessingException e) {
                        // one unreadable earlier flight must not make every later article fail
                        LOG.warnf("unnamed flight %s/%d is unreadable and stays open: %s", rs.getString(1), rs.getInt(2), e.getMessage());
                    }
                }
            }
        }
        List<Attribution> done = new ArrayList<>();
        for (Open f : open) {
            attribute(c, f.articleId(), f.ordinal(), f.flight(), f.published(), queue).ifPresent(done::add);
        }
        return done;
    }

    /** Both directions: the flight against what is known now, published when exactly one mission fits. */
    private static Optional<Attribution> attribute(Connection c, String articleId, int ordinal, MissionUpdateData flight,
                                                   LocalDate published, Queue queue) throws SQLException, JsonProcessingException {
        Set<String> crew = aboard(flight);
        Optional<Mission> m = FlightAttribution.attribute(spacecraft(flight), crew, launchDate(flight), published, known(c, crew));
        return m.isPresent() ? publish(c, articleId, ordinal, flight, m.get(), queue) : Optional.empty();
    }

    private static String spacecraft(MissionUpdateData flight) {
        return flight.facts() == null || flight.facts().spacecraft() == null ? null : flight.facts().spacecraft().value();
    }

    /**
     * What named updates say about every mission with one of these people aboard; a person is in
     * a mission's current crew when their latest claim on it (by publication, then event id) is
     * prime or backup.
     */
    static List<KnownMission> known(Connection c, Set<String> people) throws SQLException, JsonProcessingException {
        if (people.isEmpty()) {
            return List.of();
        }
        Map<String, List<MissionUpdateData>> byMission = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.mission_id, u.data::text FROM mission_updates u
                WHERE NOT u.attributed AND u.mission_id IN (SELECT mission_id FROM mission_crew WHERE person_id = ANY (?))
                ORDER BY u.mission_id, (u.data ->> 'publishedAt')::timestamptz, u.event_id""")) {
            ps.setArray(1, c.createArrayOf("text", people.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMission.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(MissionUpdateCodec.mapper().readValue(rs.getString(2), MissionUpdateData.class));
                }
            }
        }
        List<KnownMission> known = new ArrayList<>();
        for (List<MissionUpdateData> updates : byMission.values()) {
            Set<String> craft = new LinkedHashSet<>();
            Map<String, String> latest = new LinkedHashMap<>();
            List<LocalDate> dates = new ArrayList<>();
            for (MissionUpdateData u : updates) {
                if (u.facts() != null && u.facts().spacecraft() != null) {
                    craft.add(u.facts().spacecraft().value());
                }
                // oldest first: a later claim overwrites an earlier one
                u.crew().forEach(claim -> latest.put(claim.person().id(), claim.assignment()));
                if (u.facts() != null && u.facts().launchDate() != null) {
                    LocalDate d = FlightAttribution.earliestDay(u.facts().launchDate().value());
                    if (d != null) {
                        dates.add(d);
                    }
                }
            }
            Set<String> crew = new TreeSet<>();
            latest.forEach((person, assignment) -> {
                if (!"removed".equals(assignment)) {
                    crew.add(person);
                }
            });
            MissionRef ref = updates.get(0).mission();
            known.add(new KnownMission(new Mission(ref.id(), ref.name(), ref.aliases(), ref.crewed()), craft, crew, dates));
        }
        return known;
    }

    /** The flight's date as the engine reads it, back from the stored update. */
    private static LaunchDate launchDate(MissionUpdateData template) {
        LaunchDateFact d = template.facts() == null ? null : template.facts().launchDate();
        if (d == null) {
            return null;
        }
        try {
            return new LaunchDate(d.value(), DatePrecision.valueOf(d.precision().toUpperCase(Locale.ROOT)), d.season(), d.text(),
                    d.evidence(), d.confidence());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Attribution> publish(Connection c, String articleId, int ordinal, MissionUpdateData template,
                                                 Mission m, Queue queue) throws SQLException, JsonProcessingException {
        String existing = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM mission_updates WHERE article_id = ? AND mission_id = ?")) {
            ps.setString(1, articleId);
            ps.setString(2, m.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existing = rs.getString(1);
                }
            }
        }
        String eventId = existing;
        if (existing == null) {
            MissionUpdateData update = new MissionUpdateData(template.articleId(), template.publishedAt(), template.publishedAtKnown(),
                    template.articleTitle(), template.articleSource(), template.articleUrl(),
                    new MissionRef(m.id(), m.name(), m.aliases(), m.crewed()), template.facts(), template.crew(), template.mentionedPeople());
            eventId = queue.queue(c, update, true);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE unnamed_flights SET attributed_to = ?, attributed_event = ? WHERE article_id = ? AND ordinal = ?")) {
            ps.setString(1, m.id());
            ps.setString(2, eventId);
            ps.setString(3, articleId);
            ps.setInt(4, ordinal);
            ps.executeUpdate();
        }
        String names = String.join(", ", template.crew().stream().map(cc -> cc.person().name()).toList());
        String craft = spacecraft(template);
        String note = "The unnamed " + craft + " flight with " + names + " is " + m.name() + ": the only crewed " + craft
                + " mission that articles name with all of them in its crew and a launch date that fits"
                + (existing != null ? " (already covered by this article's update)" : "");
        try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET notes = notes || jsonb_build_array(?::text) WHERE id = ?")) {
            ps.setString(1, note);
            ps.setString(2, articleId);
            ps.executeUpdate();
        }
        LOG.infof("article %s: %s", articleId, note);
        return existing != null ? Optional.empty() : Optional.of(new Attribution(articleId, eventId, m.id()));
    }

    private static Set<String> aboard(MissionUpdateData u) {
        Set<String> aboard = new TreeSet<>();
        for (CrewClaim claim : u.crew()) {
            if (!"removed".equals(claim.assignment())) {
                aboard.add(claim.person().id());
            }
        }
        return aboard;
    }

    private static LocalDate day(java.time.Instant at, boolean known) {
        return known && at != null ? at.atOffset(ZoneOffset.UTC).toLocalDate() : null;
    }

    private static LocalDate day(Timestamp at, boolean known) {
        return day(at == null ? null : at.toInstant(), known);
    }
}
