package io.crossflight.crew.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.crossflight.events.CrewClaim;

/**
 * Pure functions from stored claims to current values. Nothing here depends on the order claims
 * arrived in: every value is picked by {@link ClaimRow#PUBLICATION_ORDER} from the full set.
 */
public final class CrewResolver {

    public static final Set<String> ROLES = Set.of("astronaut", "cosmonaut", "taikonaut", "private astronaut");

    private CrewResolver() {
    }

    /** The mission's name and status, each from the latest-published event stating it; null without facts. */
    public static MissionState mission(String missionId, List<MissionFactRow> facts) {
        MissionFactRow named = null;
        MissionFactRow withStatus = null;
        for (MissionFactRow f : facts) {
            if (named == null || MissionFactRow.PUBLICATION_ORDER.compare(f, named) > 0) {
                named = f;
            }
            if (f.status() != null && (withStatus == null || MissionFactRow.PUBLICATION_ORDER.compare(f, withStatus) > 0)) {
                withStatus = f;
            }
        }
        if (named == null) {
            return null;
        }
        return new MissionState(missionId, named.name(), withStatus == null ? null : withStatus.status(),
                named.articleId(), named.publishedAt(),
                withStatus == null ? null : withStatus.articleId(), withStatus == null ? null : withStatus.publishedAt());
    }

    /**
     * The person as all the given claims describe them; null without claims. Mentions count for the
     * person fields (name, aliases, agency, nationality, role) and sources like any claim, never for missions.
     */
    public static PersonView person(String personId, List<ClaimRow> claimsInAnyOrder, Map<String, MissionState> missions) {
        if (claimsInAnyOrder.isEmpty()) {
            return null;
        }
        List<ClaimRow> claims = new ArrayList<>(claimsInAnyOrder);
        claims.sort(ClaimRow.PUBLICATION_ORDER);
        ClaimRow latest = claims.get(claims.size() - 1);

        ClaimRow agency = latestStating(claims, ClaimRow::agency);
        ClaimRow nationality = latestStating(claims, c -> nationality(c.nationality()));
        ClaimRow role = latestStating(claims, c -> role(c.role()));
        String name = clean(latest.name());

        // Every name seen, in every script, except the canonical one.
        Set<String> aliases = new TreeSet<>();
        for (ClaimRow c : claims) {
            aliases.add(clean(c.name()));
            c.aliases().forEach(a -> aliases.add(clean(a)));
        }
        aliases.removeIf(a -> a.isEmpty() || a.equalsIgnoreCase(name));

        // Per mission the latest-published assignment claim decides; removed ones are not shown.
        List<PersonView.Assignment> assignments = new ArrayList<>();
        for (Decided d : decide(claims).values()) {
            ClaimRow c = d.claim();
            if (CrewClaim.REMOVED.equals(c.assignment())) {
                continue;
            }
            MissionState m = missions.get(c.missionId());
            assignments.add(new PersonView.Assignment(c.missionId(), m == null ? c.missionName() : m.name(),
                    c.assignment(), d.position(), m == null ? null : m.status(), c.source()));
        }
        assignments.sort(Comparator.comparing((PersonView.Assignment a) -> SearchKeys.sortKey(a.name()))
                .thenComparing(PersonView.Assignment::id));

        Map<String, PersonView.Source> sources = new LinkedHashMap<>();
        for (ClaimRow c : claims) {
            sources.putIfAbsent(c.articleId(), new PersonView.Source(c.articleId(), c.publishedAt(), c.publishedAtKnown(),
                    c.articleTitle(), c.articleSource(), c.articleUrl()));
        }

        return new PersonView(personId, name, List.copyOf(aliases),
                agency == null ? null : clean(agency.agency()),
                nationality == null ? null : nationality(nationality.nationality()),
                role == null ? null : role(role.role()),
                List.copyOf(assignments),
                latest.publishedAt(),
                new PersonView.Provenance(latest.source(), src(agency), src(nationality), src(role)),
                List.copyOf(sources.values()));
    }

    /**
     * The deciding claim per mission, and the position: the latest one stated by a claim with the
     * same assignment (a preview that only says "will fly" keeps the earlier "flight engineer").
     */
    public record Decided(ClaimRow claim, String position) {
    }

    public static Map<String, Decided> decide(List<ClaimRow> claimsInAnyOrder) {
        List<ClaimRow> claims = assignmentClaims(claimsInAnyOrder);
        Map<String, ClaimRow> deciding = new LinkedHashMap<>();
        for (ClaimRow c : claims) {
            deciding.put(c.missionId(), c);
        }
        Map<String, Decided> out = new LinkedHashMap<>();
        for (ClaimRow winner : deciding.values()) {
            String position = null;
            for (ClaimRow c : claims) {
                if (c.missionId().equals(winner.missionId()) && c.assignment().equals(winner.assignment())
                        && c.position() != null && !c.position().isBlank()) {
                    position = c.position().strip();
                }
            }
            out.put(winner.missionId(), new Decided(winner, CrewClaim.REMOVED.equals(winner.assignment()) ? null : position));
        }
        return out;
    }

    /**
     * Which claims lost, and to what: for each claim, the newer claim on the same mission that decided
     * instead. Mentions are in neither role: they state no assignment.
     */
    public static Map<String, ClaimRow> supersededBy(List<ClaimRow> claimsInAnyOrder) {
        List<ClaimRow> claims = assignmentClaims(claimsInAnyOrder);
        Map<String, ClaimRow> deciding = new HashMap<>();
        for (ClaimRow c : claims) {
            deciding.put(c.missionId(), c);
        }
        Map<String, ClaimRow> result = new HashMap<>();
        for (ClaimRow c : claims) {
            ClaimRow winner = deciding.get(c.missionId());
            if (winner != c) {
                result.put(c.eventId(), winner);
            }
        }
        return result;
    }

    /** The missions the person has (or had) an assignment claim on; a mention's mission is only its article's context. */
    public static Set<String> assignedMissions(List<ClaimRow> claims) {
        Set<String> ids = new TreeSet<>();
        for (ClaimRow c : claims) {
            if (!c.isMention()) {
                ids.add(c.missionId());
            }
        }
        return ids;
    }

    /** The prime/backup/removed claims in publication order, without mentions. */
    private static List<ClaimRow> assignmentClaims(List<ClaimRow> claimsInAnyOrder) {
        List<ClaimRow> claims = new ArrayList<>(claimsInAnyOrder.size());
        for (ClaimRow c : claimsInAnyOrder) {
            if (!c.isMention()) {
                claims.add(c);
            }
        }
        claims.sort(ClaimRow.PUBLICATION_ORDER);
        return claims;
    }

    private static ClaimRow latestStating(List<ClaimRow> sorted, Function<ClaimRow, String> field) {
        for (int i = sorted.size() - 1; i >= 0; i--) {
            String v = field.apply(sorted.get(i));
            if (v != null && !v.isBlank()) {
                return sorted.get(i);
            }
        }
        return null;
    }

    private static PersonView.FieldSource src(ClaimRow c) {
        return c == null ? null : c.source();
    }

    /** Roles outside the CONTRACT's list are not shown rather than guessed at. */
    static String role(String role) {
        if (role == null) {
            return null;
        }
        String r = role.trim().toLowerCase(Locale.ROOT);
        return ROLES.contains(r) ? r : null;
    }

    static String nationality(String n) {
        if (n == null || n.isBlank()) {
            return null;
        }
        return n.trim().toUpperCase(Locale.ROOT);
    }

    static String clean(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    public static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
