package io.crossflight.extraction;

import java.util.List;

/**
 * A person's place on one mission, as one article states it.
 *
 * @param position commander, pilot, flight engineer, mission specialist, payload specialist, or null
 */
public record CrewAssignment(CrewMember person, Assignment assignment, String position,
                             List<String> evidence, double confidence) {
    public CrewAssignment {
        evidence = List.copyOf(evidence);
    }
}
