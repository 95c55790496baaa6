package io.crossflight.mission.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.crossflight.mission.store.EventClaims.AssignmentClaim;
import io.crossflight.mission.store.EventClaims.FieldClaim;
import io.crossflight.mission.store.MissionQueries.StoredEvent;
import io.crossflight.store.changes.FieldChange;

/**
 * A mission's history, derived from its claims in publication order, so it reads the same
 * however the events arrived: what each article changed in the story as told so far, and which
 * of its claims a later article overruled.
 */
public final class MissionHistory {

    private MissionHistory() {
    }

    @JsonPropertyOrder({ "eventId", "articleId", "articleTitle", "articleSource", "articleUrl", "publishedAt", "publishedAtKnown",
            "appliedAt", "evidence", "changes", "claims", "superseded" })
    public record Entry(String eventId, String articleId, String articleTitle, String articleSource, String articleUrl,
                        Instant publishedAt, boolean publishedAtKnown, Instant appliedAt, List<String> evidence,
                        List<FieldChange> changes, List<Claim> claims, List<Claim> superseded) {
    }

    /**
     * One claim of the article and how it stands now: {@code current} (it is the value shown),
     * {@code confirmed} (a later article states the same) or {@code superseded} (a later article
     * states otherwise; {@code supersededBy} says which).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "field", "value", "person", "position", "evidence", "confidence", "outcome", "supersededBy" })
    public record Claim(String field, Object value, String person, String position, List<String> evidence, double confidence,
                        String outcome, Winner supersededBy) {
    }

    public record Winner(String articleId, String eventId, Instant publishedAt, Object value) {
    }

    public static List<Entry> of(String missionId, List<StoredEvent> events) {
        MissionState fin = MissionState.empty(missionId);
        events.forEach(e -> fin.merge(e.claims()));
        MissionState running = MissionState.empty(missionId);
        MissionView before = null;
        List<Entry> out = new ArrayList<>(events.size());
        for (StoredEvent se : events) {
            EventClaims e = se.claims();
            running.merge(e);
            MissionView after = running.view(false);
            List<FieldChange> changes = MissionDiff.changes(before, after);
            before = after;
            Set<String> evidence = new LinkedHashSet<>();
            List<Claim> claims = new ArrayList<>();
            for (FieldClaim f : e.fields()) {
                evidence.addAll(f.evidence());
                Object value = "launchDate".equals(f.field()) ? new MissionView.LaunchDate(f.value(), f.precision(), f.text(), f.season())
                        : f.value();
                claims.add(judge(f.field(), value, null, null, f.evidence(), f.confidence(), e, fin.fields.get(f.field()), f.value()));
            }
            for (AssignmentClaim a : e.crew()) {
                evidence.addAll(a.evidence());
                MissionState.Member m = fin.crew.get(a.personId());
                claims.add(judge("crew." + a.personId(), a.assignment(), a.name(), a.position(), a.evidence(), a.confidence(), e,
                        m == null ? null : m.assignment, a.assignment()));
            }
            List<Claim> superseded = claims.stream().filter(c -> "superseded".equals(c.outcome())).toList();
            out.add(new Entry(e.eventId(), e.articleId(), e.articleTitle(), e.articleSource(), e.articleUrl(), e.publishedAt(),
                    e.publishedAtKnown(), se.appliedAt(), List.copyOf(evidence), changes, claims, superseded));
        }
        return out;
    }

    private static Claim judge(String field, Object value, String person, String position, List<String> evidence, double confidence,
                               EventClaims e, MissionState.Stated winner, String plainValue) {
        if (winner == null || winner.eventId.equals(e.eventId())) {
            return new Claim(field, value, person, position, evidence, confidence, "current", null);
        }
        if (Objects.equals(winner.value, plainValue)) {
            return new Claim(field, value, person, position, evidence, confidence, "confirmed", null);
        }
        Object winning = field.equals("launchDate")
                ? new MissionView.LaunchDate(winner.value, winner.precision, winner.text, winner.season) : winner.value;
        return new Claim(field, value, person, position, evidence, confidence, "superseded",
                new Winner(winner.articleId, winner.eventId, winner.publishedAt, winning));
    }
}
