package io.crossflight.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article's claim that a person is on a mission, backs it up, or was taken off it.
 *
 * @param assignment {@code prime}, {@code backup} or {@code removed}
 * @param position   e.g. {@code commander}, {@code flight engineer}; {@code null} if not stated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrewClaim(PersonRef person, String assignment, String position,
                        List<String> evidence, double confidence) {

    public static final String PRIME = "prime";
    public static final String BACKUP = "backup";
    public static final String REMOVED = "removed";

    public CrewClaim {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
