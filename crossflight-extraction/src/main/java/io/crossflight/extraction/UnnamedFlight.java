package io.crossflight.extraction;

import java.util.List;

/**
 * A crewed flight an article describes without naming it ("later this autumn ... a US Crew
 * Dragon spacecraft ... Anna Kikina will be on that flight"). It has no mission id of its own;
 * {@link FlightAttribution} decides which known mission it is, once one fits unambiguously.
 *
 * @param spacecraft the spacecraft the article says the flight uses, e.g. "Crew Dragon"
 * @param launchDate when the article says it flies, or null
 * @param crew       who the article puts on it
 * @param evidence   the sentences that describe the flight
 * @param spacecraftEvidence the sentences that name its spacecraft
 */
public record UnnamedFlight(String spacecraft, LaunchDate launchDate, List<CrewAssignment> crew, List<String> evidence,
                            List<String> spacecraftEvidence) {
    public UnnamedFlight {
        crew = List.copyOf(crew);
        evidence = List.copyOf(evidence);
        spacecraftEvidence = List.copyOf(spacecraftEvidence);
    }
}
