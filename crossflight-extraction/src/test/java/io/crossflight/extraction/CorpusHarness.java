package io.crossflight.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the engine over a corpus, merges the updates in memory the way the stores do (each field and
 * each person × mission assignment from the latest-published article that states it; people merged
 * by id, aliases unioned) and scores the result the way tools/eval.py does.
 */
final class CorpusHarness {

    static final ObjectMapper JSON = new ObjectMapper();

    record Art(String id, LocalDate published, Article article) {
    }

    /** A claim from one article: later (published, id) wins. */
    record Claim<T>(LocalDate published, String articleId, T value) implements Comparable<Claim<T>> {
        @Override
        public int compareTo(Claim<T> o) {
            int c = published.compareTo(o.published);
            return c != 0 ? c : articleId.compareTo(o.articleId);
        }
    }

    static final class MissionState {
        String id;
        String name;
        final Set<String> aliases = new LinkedHashSet<>();
        final Map<String, List<Claim<String>>> fields = new TreeMap<>();
        final List<Claim<LaunchDate>> dates = new ArrayList<>();
        final Map<String, List<Claim<Assignment>>> crew = new LinkedHashMap<>();

        String field(String f) {
            List<Claim<String>> c = fields.get(f);
            return c == null || c.isEmpty() ? null : c.stream().max(Comparator.naturalOrder()).get().value();
        }

        /** Latest claim wins; an older, finer claim consistent with it (2022-04-08 within "2022-04") is kept. */
        String launchDate() {
            if (dates.isEmpty()) {
                return null;
            }
            String latest = dates.stream().max(Comparator.naturalOrder()).get().value().value();
            String best = latest;
            for (Claim<LaunchDate> c : dates) {
                String v = c.value().value();
                if (v.startsWith(latest) && v.length() > best.length()) {
                    best = v;
                }
            }
            return best;
        }

        Map<String, Assignment> crewNow() {
            Map<String, Assignment> out = new LinkedHashMap<>();
            crew.forEach((pid, claims) -> out.put(pid, claims.stream().max(Comparator.naturalOrder()).get().value()));
            return out;
        }
    }

    static final class PersonState {
        String id;
        String name;
        final Set<String> aliases = new LinkedHashSet<>();
        final List<Claim<String>> agency = new ArrayList<>();

        String agency() {
            return agency.isEmpty() ? null : agency.stream().max(Comparator.naturalOrder()).get().value();
        }
    }

    final Map<String, MissionState> missions = new LinkedHashMap<>();
    final Map<String, PersonState> people = new LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();
    final Map<String, int[]> rows = new TreeMap<>();

    static List<Art> articles(String resource) throws IOException {
        List<Art> out = new ArrayList<>();
        for (String line : lines(resource)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode a = JSON.readTree(line);
            LocalDate pub = Article.parseDate(text(a, "publishedAt"));
            out.add(new Art(text(a, "id"), pub, new Article(text(a, "id"), text(a, "title"), text(a, "body"), pub, text(a, "language"))));
        }
        return out;
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = CorpusHarness.class.getResourceAsStream(resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().toList();
        }
    }

    static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Ingest in the given order through one directory, as the ingest service does: after each
     * article, its unnamed flights are matched against the named updates so far, then every flight
     * still open is offered the missions known now. An attribution, once made, stays.
     */
    void ingest(ArticleReader reader, List<Art> ordered, LocalDate ingestDate) {
        PersonDirectory dir = new InMemoryPersonDirectory();
        List<FlightAttributionTest.Dated> named = new ArrayList<>();
        record Open(Art art, Reading reading, UnnamedFlight flight) {
        }
        List<Open> open = new ArrayList<>();
        for (Art art : ordered) {
            Reading r = reader.read(art.article(), dir);
            LocalDate pub = art.published() != null ? art.published() : ingestDate;
            for (CrewMember m : r.people()) {
                person(m, pub, art.id());
            }
            for (MissionUpdate u : r.updates()) {
                apply(u, pub, art.id());
                named.add(new FlightAttributionTest.Dated(pub, u));
            }
            r.unnamedFlights().forEach(f -> open.add(new Open(art, r, f)));
            List<FlightAttribution.KnownMission> known = FlightAttributionTest.known(named);
            open.removeIf(o -> FlightAttribution.attribute(o.flight(), o.art().published(), known).map(m -> {
                if (o.reading().updates().stream().noneMatch(u -> u.mission().id().equals(m.id()))) {
                    attributed.add(o.art().id() + " -> " + m.id());
                    apply(FlightAttribution.update(o.flight(), m), o.art().published() != null ? o.art().published() : ingestDate,
                            o.art().id());
                }
                return true;
            }).orElse(false));
        }
    }

    final List<String> attributed = new ArrayList<>();

    private void apply(MissionUpdate u, LocalDate pub, String articleId) {
        MissionState ms = missions.computeIfAbsent(u.mission().id(), k -> new MissionState());
        ms.id = u.mission().id();
        ms.name = u.mission().name();
        ms.aliases.addAll(u.mission().aliases());
        field(ms, "spacecraft", u.spacecraft(), pub, articleId);
        field(ms, "launchVehicle", u.launchVehicle(), pub, articleId);
        field(ms, "launchSite", u.launchSite(), pub, articleId);
        field(ms, "destination", u.destination(), pub, articleId);
        if (u.status() != null) {
            ms.fields.computeIfAbsent("status", k -> new ArrayList<>())
                    .add(new Claim<>(pub, articleId, u.status().value().wireName()));
        }
        if (u.launchDate() != null) {
            ms.dates.add(new Claim<>(pub, articleId, u.launchDate()));
        }
        for (CrewAssignment c : u.crew()) {
            person(c.person(), pub, articleId);
            ms.crew.computeIfAbsent(c.person().id(), k -> new ArrayList<>()).add(new Claim<>(pub, articleId, c.assignment()));
        }
        for (CrewMember m : u.mentionedPeople()) {
            person(m, pub, articleId);
        }
    }

    private void person(CrewMember m, LocalDate pub, String articleId) {
        PersonState p = people.computeIfAbsent(m.id(), k -> new PersonState());
        if (p.id == null) {
            p.id = m.id();
            p.name = m.name();
        }
        p.aliases.addAll(m.aliases());
        if (!m.name().equals(p.name)) {
            p.aliases.add(m.name());
        }
        if (m.agency() != null) {
            p.agency.add(new Claim<>(pub, articleId, m.agency()));
        }
    }

    private static void field(MissionState ms, String name, Fact<String> f, LocalDate pub, String articleId) {
        if (f != null) {
            ms.fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new Claim<>(pub, articleId, f.value()));
        }
    }

    // ------------------------------------------------------------------ scoring, as tools/eval.py

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static boolean sameText(String gold, String got) {
        String g = norm(gold);
        String h = norm(got);
        return !g.isEmpty() && !h.isEmpty() && (g.equals(h) || g.contains(h) || h.contains(g));
    }

    void add(String metric, boolean ok, String miss) {
        int[] r = rows.computeIfAbsent(metric, k -> new int[2]);
        r[0] += ok ? 1 : 0;
        r[1]++;
        if (!ok) {
            misses.add("[" + metric + "] " + miss);
        }
    }

    private static Set<String> wanted(String name, List<String> aliases) {
        Set<String> w = new HashSet<>();
        w.add(norm(name));
        aliases.forEach(a -> w.add(norm(a)));
        return w;
    }

    PersonState findPerson(String name, List<String> aliases) {
        Set<String> w = wanted(name, aliases);
        List<String> queries = new ArrayList<>();
        queries.add(name);
        queries.addAll(aliases);
        for (String q : queries) {
            for (PersonState p : people.values()) {
                Set<String> names = new HashSet<>();
                names.add(norm(p.name));
                p.aliases.forEach(a -> names.add(norm(a)));
                if (names.contains(norm(q)) || (searchHit(p.name, p.aliases, q) && names.stream().anyMatch(w::contains))) {
                    if (names.stream().anyMatch(w::contains)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    private static boolean searchHit(String name, Set<String> aliases, String q) {
        String nq = norm(q);
        if (norm(name).contains(nq)) {
            return true;
        }
        return aliases.stream().anyMatch(a -> norm(a).contains(nq));
    }

    MissionState findMission(String name, List<String> aliases) {
        Set<String> w = wanted(name, aliases);
        for (MissionState m : missions.values()) {
            Set<String> names = new HashSet<>();
            names.add(norm(m.name));
            m.aliases.forEach(a -> names.add(norm(a)));
            if (names.stream().anyMatch(w::contains)) {
                return m;
            }
        }
        return null;
    }

    void score(JsonNode fin) {
        Map<String, String> personIds = new LinkedHashMap<>();
        fin.get("people").fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode p = e.getValue();
            List<String> aliases = strings(p.get("aliases"));
            PersonState got = findPerson(name, aliases);
            add("people found", got != null, "person " + name + " not found");
            if (got == null) {
                return;
            }
            personIds.put(name, got.id);
            String agency = text(p, "agency");
            if (agency != null && !"private astronaut".equals(text(p, "role"))) {
                add("agencies", sameText(agency, got.agency()), name + ".agency: want " + agency + ", got " + got.agency());
            }
            for (String alias : aliases) {
                List<String> alt = new ArrayList<>();
                alt.add(alias);
                alt.add(name);
                PersonState other = findPerson(alias, alt);
                add("aliases resolve to one person", other != null && other.id.equals(got.id),
                        "'" + alias + "' should find " + got.id + ", found " + (other == null ? null : other.id));
            }
            Set<String> gotMissions = new HashSet<>();
            for (MissionState m : missions.values()) {
                Assignment a = m.crewNow().get(got.id);
                if (a == Assignment.PRIME || a == Assignment.BACKUP) {
                    gotMissions.add(norm(m.name));
                }
            }
            for (String mname : strings(p.get("missions"))) {
                add("person missions", gotMissions.contains(norm(mname)), name + ": mission " + mname + " missing");
            }
        });
        for (String name : strings(fin.get("notPeople"))) {
            boolean bad = people.values().stream().anyMatch(p -> searchHit(p.name, p.aliases, name) && sameText(name, p.name));
            add("no false people", !bad, name + " is stored as crew but is not a space traveller");
        }
        fin.get("missions").fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode m = e.getValue();
            MissionState got = findMission(name, strings(m.get("aliases")));
            add("missions found", got != null, "mission " + name + " not found");
            if (got == null) {
                return;
            }
            for (String f : List.of("spacecraft", "launchVehicle", "launchSite", "destination")) {
                String want = text(m, f);
                if (want != null) {
                    add("mission fields", sameText(want, got.field(f)), name + "." + f + ": want " + want + ", got " + got.field(f));
                }
            }
            String ld = text(m, "launchDate");
            if (ld != null) {
                add("launch dates", ld.equals(got.launchDate()), name + ".launchDate: want " + ld + ", got " + got.launchDate());
            }
            String st = text(m, "status");
            if (st != null) {
                add("statuses", st.equals(got.field("status")), name + ".status: want " + st + ", got " + got.field("status"));
            }
            Map<String, Assignment> crew = got.crewNow();
            for (String kind : List.of("prime", "backup")) {
                List<String> gold = strings(m.get(kind.equals("prime") ? "crew" : "backupCrew"));
                Assignment want = kind.equals("prime") ? Assignment.PRIME : Assignment.BACKUP;
                Set<String> goldIds = new HashSet<>();
                for (String g : gold) {
                    String pid = personIds.get(g);
                    boolean ok = pid != null ? crew.get(pid) == want
                            : crew.entrySet().stream().anyMatch(c -> c.getValue() == want && norm(people.get(c.getKey()).name).equals(norm(g)));
                    add(kind + " crew recall", ok, name + ": " + kind + " crew member " + g + " missing");
                    if (pid != null) {
                        goldIds.add(pid);
                    }
                }
                if (kind.equals("prime") && m.has("crewPartial") && m.get("crewPartial").asBoolean()) {
                    continue;
                }
                crew.forEach((pid, a) -> {
                    if (a != want) {
                        return;
                    }
                    String pname = people.get(pid).name;
                    boolean ok = goldIds.contains(pid) || gold.stream().anyMatch(g -> sameText(g, pname));
                    add(kind + " crew precision", ok, name + ": " + pname + " listed as " + kind + " crew but is not");
                });
            }
        });
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null) {
            arr.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    double overall() {
        int hit = 0;
        int total = 0;
        for (int[] r : rows.values()) {
            hit += r[0];
            total += r[1];
        }
        return total == 0 ? 0 : (double) hit / total;
    }

    int hits(String metric) {
        int[] r = rows.get(metric);
        return r == null ? 0 : r[0];
    }

    int total(String metric) {
        int[] r = rows.get(metric);
        return r == null ? 0 : r[1];
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        rows.forEach((k, r) -> sb.append(String.format(Locale.ROOT, "%-32s %4d/%-4d %6.1f%%%n", k, r[0], r[1], 100.0 * r[0] / r[1])));
        int hit = rows.values().stream().mapToInt(r -> r[0]).sum();
        int total = rows.values().stream().mapToInt(r -> r[1]).sum();
        sb.append(String.format(Locale.ROOT, "overall: %d/%d = %.1f%%%n", hit, total, 100.0 * hit / total));
        return sb.toString();
    }
}
