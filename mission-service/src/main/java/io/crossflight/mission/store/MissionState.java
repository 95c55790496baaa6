package io.crossflight.mission.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.crossflight.events.CrewClaim;
import io.crossflight.mission.store.EventClaims.AssignmentClaim;
import io.crossflight.mission.store.EventClaims.FieldClaim;

/**
 * A mission as the fold of its claims: every value remembers the claim that won it, and a claim
 * replaces a value only when its {@link ClaimKey} is newer. Max over a total order is
 * commutative, associative and idempotent, so merging the same events in any order, with any
 * duplicates, yields the same state: order independence by construction, not by luck.
 *
 * <p>Stored as JSONB in {@code mission.state}; the live store merges each new event into it,
 * {@code asOf} and history merge the stored claims from an empty state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MissionState {

    public String id;
    /** The name the latest-published article used. */
    public Stated name;
    /** Every name and alias any article used. */
    public TreeSet<String> names = new TreeSet<>();
    public TreeMap<String, Stated> fields = new TreeMap<>();
    public TreeMap<String, Member> crew = new TreeMap<>();
    /** eventId → the article behind it. */
    public TreeMap<String, SourceRef> sources = new TreeMap<>();
    /** eventId → every launch date any article stated; the shown one is chosen from all of them. */
    public TreeMap<String, Stated> launchDates = new TreeMap<>();

    /** A value and the claim it came from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Stated {
        public String value;
        public String precision;
        public String season;
        public String text;
        public String eventId;
        public String articleId;
        public Instant publishedAt;
        public List<String> evidence;
        public double confidence;

        public Stated() {
        }

        Stated(String value, EventClaims e, List<String> evidence, double confidence) {
            this.value = value;
            this.eventId = e.eventId();
            this.articleId = e.articleId();
            this.publishedAt = e.publishedAt();
            this.evidence = evidence == null ? null : List.copyOf(evidence);
            this.confidence = confidence;
        }

        @JsonIgnore
        public ClaimKey key() {
            return new ClaimKey(publishedAt, articleId, eventId);
        }
    }

    /** One person's standing on this mission; each attribute from the latest claim that states it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Member {
        public Stated assignment;
        public Stated name;
        public Stated agency;
        public Stated position;
    }

    public record SourceRef(String articleId, Instant publishedAt) {
    }

    public static MissionState empty(String id) {
        MissionState s = new MissionState();
        s.id = id;
        return s;
    }

    /** Folds one event's claims in; a no-op for claims older than what is already known. */
    public void merge(EventClaims e) {
        ClaimKey k = e.key();
        sources.put(e.eventId(), new SourceRef(e.articleId(), e.publishedAt()));
        names.add(e.missionName());
        names.addAll(e.aliases());
        if (name == null || k.newerThan(name.key())) {
            name = new Stated(e.missionName(), e, List.of(), 1.0);
        }
        for (FieldClaim f : e.fields()) {
            Stated cur = fields.get(f.field());
            if ("launchDate".equals(f.field())) {
                Stated s = new Stated(f.value(), e, f.evidence(), f.confidence());
                s.precision = f.precision();
                s.season = f.season();
                s.text = f.text();
                launchDates.put(e.eventId(), s);
                fields.put("launchDate", launchDate(launchDates.values()));
            } else if (cur == null || k.newerThan(cur.key())) {
                Stated s = new Stated(f.value(), e, f.evidence(), f.confidence());
                s.precision = f.precision();
                s.season = f.season();
                s.text = f.text();
                fields.put(f.field(), s);
            }
        }
        for (AssignmentClaim c : e.crew()) {
            Member m = crew.computeIfAbsent(c.personId(), p -> new Member());
            // The claim's sentences are kept once, with the assignment (what provenance shows);
            // name, agency and position only need the claim's key to be folded.
            m.assignment = newer(m.assignment, c.assignment(), e, c, c.evidence());
            m.name = newer(m.name, c.name(), e, c, null);
            m.agency = newer(m.agency, c.agency(), e, c, null);
            m.position = newer(m.position, c.position(), e, c, null);
        }
    }

    /**
     * The launch date to show: the latest-published claim, unless older claims are more precise
     * and fall inside it. "Launched in April" published after "targeted for April 8" does not
     * contradict the day, it just says less; a slip ("now May") does replace it. A function of
     * the set of claims, so arrival order cannot matter.
     */
    static Stated launchDate(java.util.Collection<Stated> claims) {
        Stated winner = null;
        for (Stated c : claims) {
            if (winner == null || c.key().newerThan(winner.key())) {
                winner = c;
            }
        }
        while (winner != null) {
            LaunchPeriod outer = LaunchPeriod.of(winner.value, winner.precision, winner.season);
            Stated refined = null;
            for (Stated c : claims) {
                LaunchPeriod inner = LaunchPeriod.of(c.value, c.precision, c.season);
                if (outer != null && inner != null && narrower(inner, outer)
                        && (refined == null || c.key().newerThan(refined.key()))) {
                    refined = c;
                }
            }
            if (refined == null) {
                return winner;
            }
            winner = refined;
        }
        return null;
    }

    private static boolean narrower(LaunchPeriod inner, LaunchPeriod outer) {
        return !inner.start().isBefore(outer.start()) && !inner.end().isAfter(outer.end())
                && (inner.start().isAfter(outer.start()) || inner.end().isBefore(outer.end()));
    }

    private static Stated newer(Stated cur, String value, EventClaims e, AssignmentClaim c, List<String> evidence) {
        if (value == null || (cur != null && !e.key().newerThan(cur.key()))) {
            return cur;
        }
        return new Stated(value, e, evidence, c.confidence());
    }

    /** The GET /missions/{id} document; {@code withProvenance} adds where each value came from. */
    public MissionView view(boolean withProvenance) {
        String current = name == null ? id : name.value;
        List<String> aliases = new ArrayList<>();
        for (String n : names) {
            if (!n.equals(current)) {
                aliases.add(n);
            }
        }
        aliases.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        Stated ld = fields.get("launchDate");
        MissionView.LaunchDate launchDate = ld == null ? null
                : new MissionView.LaunchDate(ld.value, ld.precision, ld.text, ld.season);
        List<MissionView.CrewMember> members = new ArrayList<>();
        for (Map.Entry<String, Member> en : crew.entrySet()) {
            Member m = en.getValue();
            if (m.assignment != null && !CrewClaim.REMOVED.equals(m.assignment.value)) {
                members.add(new MissionView.CrewMember(en.getKey(), m.name == null ? en.getKey() : m.name.value,
                        value(m.agency), m.assignment.value, value(m.position)));
            }
        }
        members.sort(MissionView.CrewMember.ORDER);
        List<SourceRef> srcs = new ArrayList<>(sources.values());
        srcs.sort(Comparator.comparing(SourceRef::publishedAt).thenComparing(SourceRef::articleId));
        Instant updatedAt = srcs.isEmpty() ? null : srcs.get(srcs.size() - 1).publishedAt();
        Map<String, MissionView.Provenance> provenance = withProvenance ? provenance(members) : null;
        return new MissionView(id, current, aliases, value(fields.get("spacecraft")), value(fields.get("launchVehicle")),
                value(fields.get("launchSite")), value(fields.get("destination")), launchDate, value(fields.get("status")),
                members, updatedAt, srcs, provenance);
    }

    /** The GET /missions/{id} document: the view plus where each of its values came from. */
    public MissionView detail(MissionView view) {
        return new MissionView(view.id(), view.name(), view.aliases(), view.spacecraft(), view.launchVehicle(), view.launchSite(),
                view.destination(), view.launchDate(), view.status(), view.crew(), view.updatedAt(), view.sources(),
                provenance(view.crew()));
    }

    private Map<String, MissionView.Provenance> provenance(List<MissionView.CrewMember> members) {
        Map<String, MissionView.Provenance> provenance = new LinkedHashMap<>();
        if (name != null) {
            provenance.put("name", MissionView.Provenance.of(name));
        }
        for (String f : EventClaims.FIELDS) {
            if (fields.containsKey(f)) {
                provenance.put(f, MissionView.Provenance.of(fields.get(f)));
            }
        }
        for (MissionView.CrewMember cm : members) {
            provenance.put("crew." + cm.id(), MissionView.Provenance.of(crew.get(cm.id()).assignment));
        }
        return provenance;
    }

    /** The names the search index should hold for this mission. */
    public Set<String> searchNames() {
        Set<String> all = new TreeSet<>(names);
        all.add(id);
        return all;
    }

    private static String value(Stated s) {
        return s == null ? null : s.value;
    }
}
