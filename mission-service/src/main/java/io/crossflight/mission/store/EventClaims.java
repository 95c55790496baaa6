package io.crossflight.mission.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.LaunchDateFact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;

/**
 * Everything one event (one article about one mission) claims, as stored in the claim tables.
 * Built either from a live event or from the stored rows, so the live fold and the
 * {@code asOf}/history folds share one code path.
 */
public record EventClaims(String eventId, String missionId, String articleId, Instant publishedAt,
                          boolean publishedAtKnown, String articleTitle, String articleSource, String articleUrl,
                          String missionName, List<String> aliases, List<FieldClaim> fields, List<AssignmentClaim> crew) {

    public static final List<String> FIELDS = List.of("spacecraft", "launchVehicle", "launchSite", "destination", "launchDate", "status");

    /** One mission field stated by the event; date* are set for {@code launchDate} only. */
    public record FieldClaim(String field, String value, String precision, String season, String text,
                             List<String> evidence, double confidence) {
    }

    /** One person put on or taken off the mission by the event. */
    public record AssignmentClaim(String personId, String name, List<String> aliases, String agency, String nationality,
                                  String role, String assignment, String position, List<String> evidence, double confidence) {
    }

    public ClaimKey key() {
        return new ClaimKey(publishedAt, articleId, eventId);
    }

    public static EventClaims of(MissionUpdateEvent e) {
        MissionUpdateData d = e.data();
        MissionFacts f = d.facts();
        List<FieldClaim> fields = new ArrayList<>(6);
        add(fields, "spacecraft", f.spacecraft());
        add(fields, "launchVehicle", f.launchVehicle());
        add(fields, "launchSite", f.launchSite());
        add(fields, "destination", f.destination());
        LaunchDateFact ld = f.launchDate();
        if (ld != null && notBlank(ld.value())) {
            fields.add(new FieldClaim("launchDate", ld.value().trim(), ld.precision(), ld.season(), ld.text(), ld.evidence(), ld.confidence()));
        }
        add(fields, "status", f.status());
        // One claim per person per event: the first mention wins, deterministically.
        Map<String, AssignmentClaim> crew = new LinkedHashMap<>();
        for (CrewClaim c : d.crew()) {
            crew.putIfAbsent(c.person().id(), new AssignmentClaim(c.person().id(), c.person().name(), c.person().aliases(),
                    blankToNull(c.person().agency()), blankToNull(c.person().nationality()), blankToNull(c.person().role()),
                    c.assignment(), blankToNull(c.position()), c.evidence(), c.confidence()));
        }
        List<String> aliases = d.mission().aliases().stream().filter(EventClaims::notBlank).map(String::trim).distinct().toList();
        return new EventClaims(e.id(), d.mission().id(), d.articleId(), d.publishedAt(), d.publishedAtKnown(),
                d.articleTitle(), d.articleSource(), d.articleUrl(), d.mission().name().trim(), aliases,
                List.copyOf(fields), List.copyOf(crew.values()));
    }

    private static void add(List<FieldClaim> out, String field, Fact fact) {
        if (fact != null && notBlank(fact.value())) {
            out.add(new FieldClaim(field, fact.value().trim(), null, null, null, fact.evidence(), fact.confidence()));
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String blankToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }
}
