package io.crossflight.crew.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.events.Slugs;
import io.crossflight.store.MissionUpdateStore;
import io.crossflight.store.ProcessedEvents;
import io.crossflight.store.changes.ChangeLog;
import io.crossflight.store.changes.ChangeNotice;
import io.crossflight.store.changes.FieldChange;

/**
 * The write side of the crew store, on the caller's connection and transaction (plain JDBC, so the
 * consumer, the rebuild and the property test all run exactly this code).
 *
 * <p>Applying an event: record it as processed, keep its claims (crew claims and mentions of people
 * who are not on its mission), then recompute the current rows of every person it touches from
 * <em>all</em> their stored claims. Because current values are a pure
 * function of the set of claims ({@link CrewResolver}), the result does not depend on arrival order,
 * and a late older article can never revert a newer fact.
 */
public final class CrewStore implements MissionUpdateStore {

    /** Serialises appliers (live consumer, rebuild) so two events never recompute the same person concurrently. */
    static final long APPLY_LOCK = 0x63726577L; // "crew"

    private static final Logger LOG = Logger.getLogger(CrewStore.class);

    private final ProcessedEvents processed;
    private final ChangeLog changeLog;

    public CrewStore(ProcessedEvents processed, ChangeLog changeLog) {
        this.processed = processed;
        this.changeLog = changeLog;
    }

    /**
     * Applies one event; false when it was applied before.
     *
     * @param announce whether changes go to the change log (off during a rebuild, which announces only the net difference)
     */
    public boolean apply(Connection c, MissionUpdateEvent event, boolean announce) throws SQLException {
        // Lock before the claim: a rebuild holding the lock must never wait on this transaction's claim row.
        lock(c);
        if (!processed.claim(c, event)) {
            return false;
        }
        List<ChangeNotice> notices = new ArrayList<>();
        applyClaimed(c, event, announce ? notices : null);
        // Last, as one batch: the change log serialises its writers until commit.
        record(c, notices);
        return true;
    }

    /**
     * The live consumer's batch (store-common's MissionUpdatesConsumer; poison records go to
     * {@code mission-updates.dlq.crew-service}): processed-event ids, claims, recomputed rows and
     * change log in the consumer's transaction, announced.
     */
    @Override
    public int applyConsumed(Connection c, List<MissionUpdateEvent> events) throws SQLException {
        return applyAll(c, events, true);
    }

    /**
     * Applies the events not applied before, in list order, on the caller's transaction (the live
     * consumer's batch); returns how many were new. One lock, one claim statement and one
     * change-log batch for all of them; each event is folded in as {@link #apply} would.
     */
    public int applyAll(Connection c, List<MissionUpdateEvent> events, boolean announce) throws SQLException {
        lock(c);
        Set<String> claimed = processed.claimAll(c, events);
        List<ChangeNotice> notices = new ArrayList<>();
        int applied = 0;
        for (MissionUpdateEvent event : events) {
            if (claimed.remove(event.id())) { // remove: an id twice in the batch is applied once
                applyClaimed(c, event, announce ? notices : null);
                applied++;
            }
        }
        record(c, notices);
        return applied;
    }

    /** Everything after the claim: facts, claims, recomputed rows; adds what subscribers see to {@code notices} (if not null). */
    private void applyClaimed(Connection c, MissionUpdateEvent event, List<ChangeNotice> notices) throws SQLException {
        MissionUpdateData d = event.data();
        insertFacts(c, event);
        Set<String> touched = new TreeSet<>(insertClaims(c, event));
        if (refreshMission(c, d.mission().id())) {
            // A new mission name or status shows in the views of everyone on the mission.
            touched.addAll(personsOn(c, d.mission().id()));
        }
        for (String personId : touched) {
            Change change = refreshPerson(c, personId);
            if (notices != null && change != null) {
                notice(change, d.articleId(), event.id()).ifPresent(notices::add);
            }
        }
    }

    public static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, APPLY_LOCK);
            ps.execute();
        }
    }

    private void insertFacts(Connection c, MissionUpdateEvent e) throws SQLException {
        MissionUpdateData d = e.data();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO crew_mission_facts (event_id, article_id, published_at, published_at_known, article_title,
                    article_source, article_url, mission_id, mission_name, mission_aliases, status, status_evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
                ON CONFLICT (event_id) DO NOTHING""")) {
            ps.setString(1, e.id());
            ps.setString(2, d.articleId());
            ps.setTimestamp(3, Timestamp.from(d.publishedAt()));
            ps.setBoolean(4, d.publishedAtKnown());
            ps.setString(5, d.articleTitle());
            ps.setString(6, d.articleSource());
            ps.setString(7, d.articleUrl());
            ps.setString(8, d.mission().id());
            ps.setString(9, d.mission().name().strip());
            ps.setString(10, Json.write(d.mission().aliases()));
            ps.setString(11, d.facts().status() == null ? null : d.facts().status().value());
            ps.setString(12, Json.write(d.facts().status() == null ? List.of() : d.facts().status().evidence()));
            ps.executeUpdate();
        }
    }

    private List<String> insertClaims(Connection c, MissionUpdateEvent e) throws SQLException {
        MissionUpdateData d = e.data();
        List<String> persons = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO crew_claims (person_id, event_id, article_id, published_at, mission_id, name, aliases, agency,
                    nationality, role, assignment, position, evidence, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (person_id, event_id) DO NOTHING""")) {
            for (CrewClaim claim : d.crew()) {
                ps.setString(1, claim.person().id());
                ps.setString(2, e.id());
                ps.setString(3, d.articleId());
                ps.setTimestamp(4, Timestamp.from(d.publishedAt()));
                ps.setString(5, d.mission().id());
                ps.setString(6, claim.person().name().strip());
                ps.setString(7, Json.write(claim.person().aliases()));
                ps.setString(8, blankToNull(claim.person().agency()));
                ps.setString(9, blankToNull(claim.person().nationality()));
                ps.setString(10, blankToNull(claim.person().role()));
                ps.setString(11, claim.assignment());
                ps.setString(12, blankToNull(claim.position()));
                ps.setString(13, Json.write(claim.evidence()));
                ps.setDouble(14, claim.confidence());
                ps.addBatch();
                persons.add(claim.person().id());
            }
            // Mentions: person facts without an assignment. A person this event also puts on (or takes off)
            // its mission is covered by that crew claim; one row per (person, event) either way.
            Set<String> seen = new HashSet<>(persons);
            for (PersonRef p : d.mentionedPeople()) {
                if (!validMention(p, e) || !seen.add(p.id())) {
                    continue;
                }
                ps.setString(1, p.id());
                ps.setString(2, e.id());
                ps.setString(3, d.articleId());
                ps.setTimestamp(4, Timestamp.from(d.publishedAt()));
                ps.setString(5, d.mission().id());
                ps.setString(6, p.name().strip());
                ps.setString(7, Json.write(p.aliases()));
                ps.setString(8, blankToNull(p.agency()));
                ps.setString(9, blankToNull(p.nationality()));
                ps.setString(10, blankToNull(p.role()));
                ps.setString(11, ClaimRow.MENTIONED);
                ps.setString(12, null);
                ps.setString(13, "[]");
                ps.setDouble(14, 0);
                ps.addBatch();
                persons.add(p.id());
            }
            if (!persons.isEmpty()) {
                ps.executeBatch();
            }
        }
        return persons;
    }

    /**
     * The codec validates crew claims but not mentions; a malformed mention is dropped (and logged)
     * rather than dead-lettering the whole event with its crew claims.
     */
    private static boolean validMention(PersonRef p, MissionUpdateEvent e) {
        boolean ok = p != null && p.id() != null && !p.id().isEmpty() && p.id().equals(Slugs.slug(p.id()))
                && p.name() != null && !p.name().isBlank();
        if (!ok) {
            LOG.warnf("event %s: ignoring a mentioned person without a slug id and a name: %s", e.id(), p);
        }
        return ok;
    }

    /** Recomputes the mission's name and status; true when they changed. */
    boolean refreshMission(Connection c, String missionId) throws SQLException {
        MissionState next = CrewResolver.mission(missionId, CrewReader.missionFacts(c, missionId, null));
        MissionState prev = CrewReader.missionStates(c, Set.of(missionId)).get(missionId);
        if (Objects.equals(prev, next) || next == null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO crew_missions (mission_id, name, status, name_article_id, name_published_at, status_article_id, status_published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (mission_id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
                    name_article_id = EXCLUDED.name_article_id, name_published_at = EXCLUDED.name_published_at,
                    status_article_id = EXCLUDED.status_article_id, status_published_at = EXCLUDED.status_published_at""")) {
            ps.setString(1, missionId);
            ps.setString(2, next.name());
            ps.setString(3, next.status());
            ps.setString(4, next.nameArticleId());
            ps.setTimestamp(5, Timestamp.from(next.namePublishedAt()));
            ps.setString(6, next.statusArticleId());
            ps.setTimestamp(7, next.statusPublishedAt() == null ? null : Timestamp.from(next.statusPublishedAt()));
            ps.executeUpdate();
        }
        return prev == null || !Objects.equals(prev.name(), next.name()) || !Objects.equals(prev.status(), next.status());
    }

    private static List<String> personsOn(Connection c, String missionId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person_id FROM crew_assignments WHERE mission_id = ?")) {
            ps.setString(1, missionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** A person's view before and after an apply. */
    public record Change(String personId, PersonView before, PersonView after) {
    }

    /** Recomputes one person's current rows from all their claims; null when nothing about them changed. */
    public Change refreshPerson(Connection c, String personId) throws SQLException {
        List<ClaimRow> claims = CrewReader.claims(c, personId, null);
        PersonView next = CrewResolver.person(personId, claims, CrewReader.missionStates(c, CrewResolver.assignedMissions(claims)));
        PersonView prev = CrewReader.view(c, personId);
        if (Objects.equals(prev, next) || next == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(next.name());
        names.addAll(next.aliases());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO crew_persons (id, name, agency, nationality, role, aliases, search_key, sort_name, updated_at, view)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, agency = EXCLUDED.agency, nationality = EXCLUDED.nationality,
                    role = EXCLUDED.role, aliases = EXCLUDED.aliases, search_key = EXCLUDED.search_key,
                    sort_name = EXCLUDED.sort_name, updated_at = EXCLUDED.updated_at, view = EXCLUDED.view""")) {
            ps.setString(1, personId);
            ps.setString(2, next.name());
            ps.setString(3, next.agency());
            ps.setString(4, next.nationality());
            ps.setString(5, next.role());
            ps.setString(6, Json.write(next.aliases()));
            ps.setString(7, SearchKeys.key(names));
            ps.setString(8, SearchKeys.sortKey(next.name()));
            ps.setTimestamp(9, Timestamp.from(next.updatedAt()));
            ps.setString(10, Json.write(next));
            ps.executeUpdate();
        }
        writeAssignments(c, personId, claims);
        return new Change(personId, prev, next);
    }

    /** Current (person, mission) rows, removed ones included: what the mission filter and mission refreshes use. */
    private static void writeAssignments(Connection c, String personId, List<ClaimRow> claims) throws SQLException {
        Map<String, CrewResolver.Decided> deciding = CrewResolver.decide(claims);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM crew_assignments WHERE person_id = ?")) {
            del.setString(1, personId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO crew_assignments (person_id, mission_id, assignment, position, event_id, article_id, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (String missionId : new TreeSet<>(deciding.keySet())) {
                ClaimRow cl = deciding.get(missionId).claim();
                ps.setString(1, personId);
                ps.setString(2, cl.missionId());
                ps.setString(3, cl.assignment());
                ps.setString(4, deciding.get(missionId).position());
                ps.setString(5, cl.eventId());
                ps.setString(6, cl.articleId());
                ps.setTimestamp(7, Timestamp.from(cl.publishedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** What subscribers can see changed: the CONTRACT fields, not provenance bookkeeping; empty when none did. */
    public Optional<ChangeNotice> notice(Change change, String articleId, String eventId) {
        List<FieldChange> changes = changes(change.before(), change.after());
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChangeNotice(ChangeNotice.CREW_CHANGED, change.personId(), changes, articleId, eventId,
                change.after(), tags(change.before(), change.after())));
    }

    public void record(Connection c, List<ChangeNotice> notices) throws SQLException {
        if (!notices.isEmpty()) {
            changeLog.recordAll(c, notices);
        }
    }

    static List<FieldChange> changes(PersonView before, PersonView after) {
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "name", before == null ? null : before.name(), after.name());
        diff(changes, "aliases", before == null ? null : before.aliases(), after.aliases());
        diff(changes, "agency", before == null ? null : before.agency(), after.agency());
        diff(changes, "nationality", before == null ? null : before.nationality(), after.nationality());
        diff(changes, "role", before == null ? null : before.role(), after.role());
        diff(changes, "missions", before == null ? null : visible(before.missions()), visible(after.missions()));
        return changes;
    }

    /** The mission entries as a client sees them, without the provenance that changes with every article. */
    private static List<Map<String, String>> visible(List<PersonView.Assignment> missions) {
        List<Map<String, String>> out = new ArrayList<>();
        for (PersonView.Assignment a : missions) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", a.name());
            m.put("assignment", a.assignment());
            m.put("position", a.position());
            m.put("status", a.status());
            out.add(m);
        }
        return out;
    }

    private static void diff(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    /** Filters match the person, their agency, and missions they are on or just left. */
    static Map<String, Set<String>> tags(PersonView before, PersonView after) {
        Map<String, Set<String>> tags = new HashMap<>();
        tags.put("id", Set.of(after.id()));
        Set<String> agencies = new TreeSet<>();
        Set<String> missions = new TreeSet<>();
        for (PersonView v : new PersonView[] {before, after}) {
            if (v == null) {
                continue;
            }
            if (v.agency() != null) {
                agencies.add(v.agency());
            }
            v.missions().forEach(m -> missions.add(m.id()));
        }
        tags.put("agency", agencies);
        tags.put("mission", missions);
        return tags;
    }

    /** Empties the store, processed-event log included, on the caller's transaction (for rebuilds). */
    public static void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // DELETE, not TRUNCATE: readers keep seeing the old rows until the rebuild commits.
            st.executeUpdate("DELETE FROM crew_assignments");
            st.executeUpdate("DELETE FROM crew_persons");
            st.executeUpdate("DELETE FROM crew_missions");
            st.executeUpdate("DELETE FROM crew_claims");
            st.executeUpdate("DELETE FROM crew_mission_facts");
            st.executeUpdate("DELETE FROM processed_events");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
