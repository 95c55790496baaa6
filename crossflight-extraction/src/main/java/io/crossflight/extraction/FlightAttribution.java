package io.crossflight.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides which named mission an {@link UnnamedFlight} is. A flight is a mission when exactly one
 * crewed mission that articles name flies that spacecraft, has every one of the flight's people in
 * its current crew (their latest claim is prime or backup), and launches when the flight does:
 * some stated launch date of the mission within {@value #SLIP_DAYS} days of the flight's own date,
 * or, for a flight without a date, within a year of a dated article (a mission with no stated date
 * cannot be ruled out, so it fits). Two fitting missions, or
 * none, mean no answer: a guess would be an invented fact.
 *
 * <p>The rule only looks at what articles say by name, never at earlier attributions. It cannot
 * take an answer back, though: a mission named later that also fits does not undo an attribution
 * already published (events are never withdrawn). The date and crew conditions keep that rare.
 */
public final class FlightAttribution {

    /**
     * What articles have said by name about one mission.
     *
     * @param spacecraft  every spacecraft stated or implied for it
     * @param crew        ids of its current crew: people whose latest claim on it is prime or backup
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
    /** How far a launch may slip from the date an article gave the flight and still be that flight. */
    static final long SLIP_DAYS = 60;
    private static final long WINDOW_DAYS = 366;

    private FlightAttribution() {
    }

    /**
     * @param published the article's publication date, or null when unknown
     * @return the one mission the flight fits, or empty when none or several do
     */
    public static Optional<Mission> attribute(UnnamedFlight flight, LocalDate published, Collection<KnownMission> known) {
        return attribute(flight.spacecraft(), crewIds(flight), flight.launchDate(), published, known);
    }

    /** The same rule, for a flight kept as its spacecraft, crew ids and date. */
    public static Optional<Mission> attribute(String spacecraft, Set<String> crewIds, LaunchDate date, LocalDate published,
                                              Collection<KnownMission> known) {
        if (crewIds.isEmpty() || spacecraft == null) {
            return Optional.empty();
        }
        LocalDate[] range = date != null ? range(date) : null;
        if (range == null && published == null) {
            // an undated flight in an undated article could be any year's
            return Optional.empty();
        }
        Map<String, Mission> fits = new LinkedHashMap<>();
        for (KnownMission k : known) {
            if (k.mission().crewed() && k.spacecraft().contains(spacecraft) && k.crew().containsAll(crewIds)
                    && (range != null ? within(k, range[0].minusDays(SLIP_DAYS), range[1].plusDays(SLIP_DAYS))
                    : within(k, published.minusDays(WINDOW_DAYS), published.plusDays(WINDOW_DAYS)))) {
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
        Fact<String> spacecraft = new Fact<>(flight.spacecraft(), flight.spacecraftEvidence(), 0.9 * DISCOUNT);
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

    /** A mission with no stated date cannot be ruled out; one with dates needs one inside the window. */
    private static boolean within(KnownMission k, LocalDate from, LocalDate to) {
        return k.launchDates().isEmpty() || k.launchDates().stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(to));
    }

    /**
     * The first and last day a launch date allows: a day, a month, a season (northern, meteorological:
     * autumn is September to November; winter runs from the December before to the February after)
     * or a year. Null when the value cannot be read.
     */
    public static LocalDate[] range(LaunchDate d) {
        LocalDate first = earliestDay(d.value());
        if (first == null) {
            return null;
        }
        return switch (d.precision()) {
            case DAY -> new LocalDate[]{first, first};
            case MONTH -> new LocalDate[]{first, first.plusMonths(1).minusDays(1)};
            case SEASON -> season(first.getYear(), d.season());
            case YEAR -> new LocalDate[]{first, first.plusYears(1).minusDays(1)};
        };
    }

    private static LocalDate[] season(int year, String season) {
        if (season == null) {
            return new LocalDate[]{LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
        }
        return switch (season) {
            case "spring" -> new LocalDate[]{LocalDate.of(year, 3, 1), LocalDate.of(year, 5, 31)};
            case "summer" -> new LocalDate[]{LocalDate.of(year, 6, 1), LocalDate.of(year, 8, 31)};
            case "autumn" -> new LocalDate[]{LocalDate.of(year, 9, 1), LocalDate.of(year, 11, 30)};
            default -> new LocalDate[]{LocalDate.of(year - 1, 12, 1), LocalDate.of(year + 1, 2, 28)};
        };
    }
}
