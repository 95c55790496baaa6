package io.crossflight.mission.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.crossflight.mission.store.MissionState.SourceRef;
import io.crossflight.mission.store.MissionState.Stated;

/** The mission document of CONTRACT.md; unknown values are {@code null}, never guessed. */
@JsonPropertyOrder({ "id", "name", "aliases", "spacecraft", "launchVehicle", "launchSite", "destination", "launchDate",
        "status", "crew", "updatedAt", "sources", "provenance" })
public record MissionView(String id, String name, List<String> aliases, String spacecraft, String launchVehicle,
                          String launchSite, String destination, LaunchDate launchDate, String status,
                          List<CrewMember> crew, Instant updatedAt, List<SourceRef> sources,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Provenance> provenance) {

    /** {@code season} is set only for season precision ("later this autumn"). */
    @JsonPropertyOrder({ "value", "precision", "text", "season" })
    public record LaunchDate(String value, String precision, String text,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String season) {
    }

    @JsonPropertyOrder({ "id", "name", "agency", "assignment", "position" })
    public record CrewMember(String id, String name, String agency, String assignment, String position) {
        /** Prime before backup, commanders first, then by name. */
        static final Comparator<CrewMember> ORDER = Comparator.comparing((CrewMember m) -> "prime".equals(m.assignment()) ? 0 : 1)
                .thenComparing(m -> rank(m.position()))
                .thenComparing(CrewMember::name)
                .thenComparing(CrewMember::id);

        private static int rank(String position) {
            if (position == null) {
                return 3;
            }
            String p = position.toLowerCase(Locale.ROOT);
            return p.contains("commander") ? 0 : p.contains("pilot") ? 1 : 2;
        }
    }

    /** Where a value came from: the article, when it was published, and the sentences that say so. */
    public record Provenance(String articleId, String eventId, Instant publishedAt, List<String> evidence, double confidence) {
        static Provenance of(Stated s) {
            return new Provenance(s.articleId, s.eventId, s.publishedAt, s.evidence == null ? List.of() : s.evidence, s.confidence);
        }
    }

    /** The same document without provenance, as list items and change notices carry it. */
    public MissionView withoutProvenance() {
        return provenance == null ? this
                : new MissionView(id, name, aliases, spacecraft, launchVehicle, launchSite, destination, launchDate, status,
                        crew, updatedAt, sources, null);
    }
}
