package io.crossflight.extraction;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides which named mission an {@link UnnamedFlight} is. The rule only looks at what articles
 * say by name, never at earlier attributions, so the answer is the same whichever article
 * arrives first: a flight is the mission when exactly one crewed mission flies that spacecraft
 * with one of the flight's crew aboard (prime or backup) and launches within a year of the
 * article. Two fitting missions mean no answer: a guess would be an invented fact.
 */
public final class FlightAttribution {

    /**
     * What articles have said by name about one mission.
     *
     * @param spacecraft  every spacecraft stated or implied for it
     * @param crew        ids of everyone named as its prime or backup crew
     * @param launchDates every launch date stated for it (the earliest day each value allows)
     */
    public record KnownMission(Mission mission, Set<String> spacecraft, Set<String> crew, List<LocalDate> launchDates) {
        public KnownMission {
            spacecraft = Set.copyOf(spacecraft);
            crew = Set.copyOf(crew);
            launchDates = List.copyOf(launchDates);
        }
    }

    /** Confidence kept when a fact moves from an unnamed flight onto the mission it was found to be. */
    static final double DISCOUNT = 0.8;
    private static final long WINDOW_DAYS = 366;

    private FlightAttribution() {
    }

    /**
     * @param published the article's publication date, or null when unknown (then any date fits)
     * @return the one mission the flight fits, or empty when none or several do
     */
    public static Optional<Mission> attribute(UnnamedFlight flight, LocalDate published, Collection<KnownMission> known) {
        return attribute(flight.spacecraft(), crewIds(flight), published, known);
    }

    /** The same rule, for a flight kept as its spacecraft and crew ids. */
    public static Optional<Mission> attribute(String spacecraft, Set<String> crewIds, LocalDate published,
                                              Collection<KnownMission> known) {
        if (crewIds.isEmpty() || spacecraft == null) {
            return Optional.empty();
        }
        Map<String, Mission> fits = new LinkedHashMap<>();
        for (KnownMission k : known) {
            if (k.mission().crewed() && k.spacecraft().contains(spacecraft)
                    && !Collections.disjoint(k.crew(), crewIds) && timely(k, published)) {
                fits.put(k.mission().id(), k.mission());
            }
        }
        return fits.size() == 1 ? Optional.of(fits.values().iterator().next()) : Optional.empty();
    }

    /** The people an unnamed flight puts aboard, by id: who it can be matched on. */
    public static Set<String> crewIds(UnnamedFlight flight) {
        return flight.crew().stream().filter(c -> c.assignment() != Assignment.REMOVED)
                .map(c -> c.person().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The flight's facts, restated as an update of the mission it was attributed to. */
    public static MissionUpdate update(UnnamedFlight flight, Mission mission) {
        LaunchDate d = flight.launchDate();
        LaunchDate date = d == null ? null
                : new LaunchDate(d.value(), d.precision(), d.season(), d.text(), d.evidence(), d.confidence() * DISCOUNT);
        String craftLower = flight.spacecraft().toLowerCase(Locale.ROOT);
        List<String> craftEvidence = flight.evidence().stream()
                .filter(e -> e.toLowerCase(Locale.ROOT).contains(craftLower)).toList();
        Fact<String> spacecraft = new Fact<>(flight.spacecraft(), craftEvidence, 0.9 * DISCOUNT);
        List<CrewAssignment> crew = new ArrayList<>();
        for (CrewAssignment c : flight.crew()) {
            crew.add(new CrewAssignment(c.person(), c.assignment(), c.position(), c.evidence(), c.confidence() * DISCOUNT));
        }
        return new MissionUpdate(mission, spacecraft, null, null, null, date, null, crew, List.of());
    }

    /** The earliest day a launch-date value ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}) allows. */
    public static LocalDate earliestDay(String value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (value.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
                case 7 -> LocalDate.parse(value + "-01");
                case 10 -> LocalDate.parse(value);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean timely(KnownMission k, LocalDate published) {
        if (published == null || k.launchDates().isEmpty()) {
            return true;
        }
        return k.launchDates().stream().anyMatch(d -> Math.abs(ChronoUnit.DAYS.between(published, d)) <= WINDOW_DAYS);
    }
}
