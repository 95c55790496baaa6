package io.crossflight.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.crossflight.common.rest.ProblemException;
import io.crossflight.events.CrewClaim;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.ingest.config.IngestConfig;
import io.crossflight.ingest.service.IngestResult;
import io.crossflight.ingest.service.IngestResult.QueuedEvent;

/** Articles, their extracted updates, the outbox and person identity, in plain SQL. */
@ApplicationScoped
public class ArticleStore {

    /** The same article was stored by a concurrent request. */
    public static class AlreadyStoredException extends RuntimeException {
        AlreadyStoredException(Throwable cause) {
            super(cause);
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    IngestConfig config;

    public Optional<IngestResult> findDuplicate(String contentHash, String url) {
        try (Connection c = dataSource.getConnection();
                // Two indexed lookups; an OR across both columns would scan the table.
                PreparedStatement ps = c.prepareStatement("""
                        SELECT id FROM (
                            SELECT id, ingested_at FROM articles WHERE content_hash = ?
                            UNION ALL
                            SELECT id, ingested_at FROM articles WHERE url = ?
                        ) found ORDER BY ingested_at LIMIT 1""")) {
            ps.setString(1, contentHash);
            ps.setString(2, url);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                return Optional.of(new IngestResult(id, true, events(c, id)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up articles", e);
        }
    }

    /**
     * Stores article, updates, people and outbox rows in one transaction: either the article's
     * events are durably queued for Kafka, or nothing of it is stored. Unnamed flights (each as the
     * update it would become, mission left open) are kept and attributed in the same transaction
     * (see {@link FlightAttributions}).
     */
    @Transactional
    public IngestResult insert(NewArticle a, List<MissionUpdateData> updates, List<MissionUpdateData> flights) {
        try (Connection c = dataSource.getConnection()) {
            if (!updates.isEmpty() || !flights.isEmpty()) {
                FlightAttributions.lock(c);
            }
            insertArticle(c, a);
            List<QueuedEvent> queued = new ArrayList<>();
            Set<String> named = new LinkedHashSet<>();
            for (MissionUpdateData update : updates) {
                queued.add(new QueuedEvent(queue(c, update, false), update.mission().id()));
                named.add(update.mission().id());
            }
            for (IngestResult.Attribution own : FlightAttributions.attributeNew(c, a, flights, this::queue)) {
                queued.add(new QueuedEvent(own.eventId(), own.missionId()));
            }
            List<IngestResult.Attribution> earlier = FlightAttributions.attributeEarlier(c, a.id(), named, this::queue);
            return new IngestResult(a.id(), false, queued, earlier);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AlreadyStoredException(e);
            }
            if ("55P03".equals(e.getSQLState())) {
                // lock_timeout: nothing was stored; the client may simply send it again
                throw new ProblemException(503, "Busy", "Too many articles are being stored at once; nothing was stored, retry shortly.");
            }
            throw new IllegalStateException("cannot store article " + a.id(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise update of article " + a.id(), e);
        }
    }

    /** One update: people remembered, the update stored, its event in the outbox. Returns the event id. */
    private String queue(Connection c, MissionUpdateData update, boolean attributed) throws SQLException, JsonProcessingException {
        MissionUpdateData withIdentity = rememberPeople(c, update);
        MissionUpdateEvent event = MissionUpdateEvent.of(withIdentity);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mission_updates (event_id, article_id, mission_id, data, attributed) VALUES (?, ?, ?, ?::jsonb, ?)""")) {
            ps.setString(1, event.id());
            ps.setString(2, withIdentity.articleId());
            ps.setString(3, withIdentity.mission().id());
            ps.setString(4, MissionUpdateCodec.mapper().writeValueAsString(withIdentity));
            ps.setBoolean(5, attributed);
            ps.executeUpdate();
        }
        if (!attributed) {
            FlightAttributions.recordCrew(c, event.id(), withIdentity);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, event.id());
            ps.setString(2, config.relay().topic());
            ps.setString(3, withIdentity.mission().id());
            ps.setString(4, MissionUpdateCodec.toJson(event));
            ps.executeUpdate();
        }
        return event.id();
    }

    private static void insertArticle(Connection c, NewArticle a) throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO articles (id, content_hash, url, title, source, language, content_type, published_at,
                                      published_at_known, published_text, ingested_at, body, text, notes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            ps.setString(1, a.id());
            ps.setString(2, a.contentHash());
            ps.setString(3, a.url());
            ps.setString(4, a.title());
            ps.setString(5, a.source());
            ps.setString(6, a.language());
            ps.setString(7, a.contentType());
            ps.setTimestamp(8, Timestamp.from(a.publishedAt()));
            ps.setBoolean(9, a.publishedAtKnown());
            ps.setString(10, a.publishedText());
            ps.setTimestamp(11, Timestamp.from(a.ingestedAt()));
            ps.setString(12, a.body());
            ps.setString(13, a.text());
            ps.setString(14, MissionUpdateCodec.mapper().writeValueAsString(a.notes()));
            ps.executeUpdate();
        }
    }

    /**
     * Records each person and every name they were called, and sends the stores every alias
     * known so far, so that identity learned from earlier articles reaches them too.
     */
    private static MissionUpdateData rememberPeople(Connection c, MissionUpdateData u) throws SQLException {
        List<CrewClaim> crew = new ArrayList<>();
        for (CrewClaim claim : u.crew()) {
            crew.add(new CrewClaim(remember(c, claim.person()), claim.assignment(), claim.position(), claim.evidence(), claim.confidence()));
        }
        List<PersonRef> mentioned = new ArrayList<>();
        for (PersonRef p : u.mentionedPeople()) {
            mentioned.add(remember(c, p));
        }
        return new MissionUpdateData(u.articleId(), u.publishedAt(), u.publishedAtKnown(), u.articleTitle(),
                u.articleSource(), u.articleUrl(), u.mission(), u.facts(), crew, mentioned);
    }

    private static PersonRef remember(Connection c, PersonRef p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO people (id, name, agency, nationality, role) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    agency = COALESCE(EXCLUDED.agency, people.agency),
                    nationality = COALESCE(EXCLUDED.nationality, people.nationality),
                    role = COALESCE(EXCLUDED.role, people.role)""")) {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setString(3, p.agency());
            ps.setString(4, p.nationality());
            ps.setString(5, p.role());
            ps.executeUpdate();
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(p.name());
        names.addAll(p.aliases());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO person_aliases (person_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String n : names) {
                ps.setString(1, p.id());
                ps.setString(2, n);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Set<String> aliases = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias")) {
            ps.setString(1, p.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(p.name())) {
                        aliases.add(rs.getString(1));
                    }
                }
            }
        }
        return new PersonRef(p.id(), p.name(), List.copyOf(aliases), p.agency(), p.nationality(), p.role());
    }

    private static List<QueuedEvent> events(Connection c, String articleId) throws SQLException {
        List<QueuedEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, mission_id FROM mission_updates WHERE article_id = ? ORDER BY mission_id")) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new QueuedEvent(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return events;
    }

    /** Every person and alias learned so far, for the extractor's identity directory. */
    public Map<String, KnownPerson> people() {
        Map<String, KnownPerson> people = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT p.id, p.name, p.agency, p.nationality, p.role, a.alias
                        FROM people p LEFT JOIN person_aliases a ON a.person_id = p.id ORDER BY p.id""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                KnownPerson p = people.computeIfAbsent(rs.getString(1), id -> {
                    try {
                        return new KnownPerson(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), new LinkedHashSet<>());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (rs.getString(6) != null) {
                    p.aliases().add(rs.getString(6));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read people", e);
        }
        return people;
    }

    public record KnownPerson(String id, String name, String agency, String nationality, String role, Set<String> aliases) {
    }

    /** The stored article and its updates, for {@code GET /articles/{id}}. */
    public Optional<ArticleRecord> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            ArticleRecord article;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, url, title, source, language, content_type, published_at, published_at_known,
                           published_text, ingested_at, text, notes::text
                    FROM articles WHERE id = ?""")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    article = new ArticleRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
                            rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
                            MissionUpdateCodec.mapper().readValue(rs.getString(12), new TypeReference<List<String>>() {
                            }), new ArrayList<>(), new ArrayList<>());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT u.event_id, u.data::text, o.published_at, u.attributed
                    FROM mission_updates u LEFT JOIN outbox o ON o.event_id = u.event_id
                    WHERE u.article_id = ? ORDER BY u.mission_id""")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp sent = rs.getTimestamp(3);
                        article.updates().add(new ArticleRecord.StoredUpdate(rs.getString(1),
                                MissionUpdateCodec.mapper().readValue(rs.getString(2), MissionUpdateData.class),
                                sent == null ? null : sent.toInstant(), rs.getBoolean(4)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT template::text, attributed_to, attributed_event FROM unnamed_flights WHERE article_id = ? ORDER BY ordinal")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        article.unnamedFlights().add(new ArticleRecord.StoredFlight(
                                MissionUpdateCodec.mapper().readValue(rs.getString(1), MissionUpdateData.class), rs.getString(2),
                                rs.getString(3)));
                    }
                }
            }
            return Optional.of(article);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read article " + id, e);
        }
    }

    /** Newest first, for {@code GET /articles}. */
    public List<Map<String, Object>> list(int page, int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT a.id, a.title, a.source, a.published_at, a.ingested_at,
                               (SELECT count(*) FROM mission_updates u WHERE u.article_id = a.id)
                        FROM articles a ORDER BY a.ingested_at DESC, a.id LIMIT ? OFFSET ?""")) {
            ps.setInt(1, size);
            ps.setLong(2, (long) page * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> item = new java.util.LinkedHashMap<>();
                    item.put("id", rs.getString(1));
                    item.put("title", rs.getString(2));
                    item.put("source", rs.getString(3));
                    item.put("publishedAt", rs.getTimestamp(4).toInstant());
                    item.put("ingestedAt", rs.getTimestamp(5).toInstant());
                    item.put("missionUpdates", rs.getLong(6));
                    items.add(item);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list articles", e);
        }
        return items;
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count articles", e);
        }
    }
}
