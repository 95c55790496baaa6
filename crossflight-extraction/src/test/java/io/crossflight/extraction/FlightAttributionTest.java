package io.crossflight.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FlightAttributionTest {

    static final CrewMember KIKINA = new CrewMember("anna-kikina", "Anna Kikina", List.of(), "Roscosmos", "RU", "cosmonaut");
    static final CrewMember RUBIO = new CrewMember("frank-rubio", "Frank Rubio", List.of(), "NASA", "US", "astronaut");
    static final LocalDate PUBLISHED = LocalDate.of(2022, 9, 19);

    /** A named update and its article's publication date. */
    record Dated(LocalDate published, MissionUpdate update) {
    }

    /**
     * What named updates say about each mission, as the ingest side gathers it: a person is in the
     * current crew when their latest claim (by publication, then arrival) is prime or backup.
     */
    static List<FlightAttribution.KnownMission> known(List<Dated> updates) {
        Map<String, List<Dated>> byMission = new LinkedHashMap<>();
        updates.forEach(u -> byMission.computeIfAbsent(u.update().mission().id(), k -> new ArrayList<>()).add(u));
        List<FlightAttribution.KnownMission> known = new ArrayList<>();
        for (List<Dated> us : byMission.values()) {
            Set<String> craft = new LinkedHashSet<>();
            Map<String, Assignment> latest = new LinkedHashMap<>();
            Map<String, LocalDate> latestAt = new LinkedHashMap<>();
            List<LocalDate> dates = new ArrayList<>();
            for (Dated d : us) {
                MissionUpdate u = d.update();
                if (u.spacecraft() != null) {
                    craft.add(u.spacecraft().value());
                }
                for (CrewAssignment c : u.crew()) {
                    LocalDate at = latestAt.get(c.person().id());
                    if (at == null || d.published() == null || !d.published().isBefore(at)) {
                        latest.put(c.person().id(), c.assignment());
                        latestAt.put(c.person().id(), d.published() == null ? LocalDate.MAX : d.published());
                    }
                }
                LocalDate day = u.launchDate() == null ? null : FlightAttribution.earliestDay(u.launchDate().value());
                if (day != null) {
                    dates.add(day);
                }
            }
            Set<String> crew = new LinkedHashSet<>();
            latest.forEach((person, a) -> {
                if (a != Assignment.REMOVED) {
                    crew.add(person);
                }
            });
            known.add(new FlightAttribution.KnownMission(us.get(0).update().mission(), craft, crew, dates));
        }
        return known;
    }

    static List<Dated> dated(LocalDate published, List<MissionUpdate> updates) {
        return updates.stream().map(u -> new Dated(published, u)).toList();
    }

    static Mission mission(String id) {
        return new Mission(id, id, List.of(), true);
    }

    static FlightAttribution.KnownMission mission(String id, String craft, Set<String> crew, String... dates) {
        return new FlightAttribution.KnownMission(mission(id), Set.of(craft), crew,
                java.util.Arrays.stream(dates).map(FlightAttribution::earliestDay).toList());
    }

    static UnnamedFlight flight(String craft, Assignment assignment, CrewMember... crew) {
        List<CrewAssignment> aboard = java.util.Arrays.stream(crew)
                .map(p -> new CrewAssignment(p, assignment, null, List.of("It will involve a " + craft + "."), 0.7)).toList();
        LaunchDate autumn = new LaunchDate("2022", DatePrecision.SEASON, "autumn", "later this autumn",
                List.of("later this autumn, the flight"), 0.6);
        return new UnnamedFlight(craft, autumn, aboard, List.of("later this autumn, the flight", "It will involve a " + craft + "."),
                List.of("It will involve a " + craft + "."));
    }

    @Test
    void theOneMissionFlyingThatSpacecraftWithThatCrewMember() {
        var known = List.of(mission("crew-5", "Crew Dragon", Set.of("anna-kikina", "nicole-mann"), "2022-10-05"),
                mission("soyuz-ms-22", "Soyuz MS", Set.of("frank-rubio"), "2022-09-21"));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), PUBLISHED, known))
                .map(Mission::id).contains("crew-5");
    }

    @Test
    void aBackupPlaceCountsAsBeingOnTheMission() {
        var known = List.of(mission("crew-5", "Crew Dragon", Set.of("anna-kikina")));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.BACKUP, KIKINA), PUBLISHED, known)).isPresent();
    }

    @Test
    void twoFittingMissionsMeanNoAnswer() {
        var known = List.of(mission("crew-5", "Crew Dragon", Set.of("anna-kikina"), "2022-10-05"),
                mission("crew-9", "Crew Dragon", Set.of("anna-kikina"), "2022-11-20"));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), PUBLISHED, known)).isEmpty();
    }

    @Test
    void theFlightsOwnDateMustFitTheMissionsDate() {
        var crew5 = mission("crew-5", "Crew Dragon", Set.of("anna-kikina"), "2022-10-05");
        var crew6 = mission("crew-6", "Crew Dragon", Set.of("anna-kikina"), "2023-02-26");
        UnnamedFlight autumn = flight("Crew Dragon", Assignment.PRIME, KIKINA);
        // autumn 2022 with sixty days of slip reaches the end of January 2023, not Crew-6's February
        assertThat(FlightAttribution.attribute(autumn, PUBLISHED, List.of(crew5, crew6))).map(Mission::id).contains("crew-5");
        assertThat(FlightAttribution.attribute(autumn, PUBLISHED, List.of(crew6))).isEmpty();
        // the article's own date does not matter when the flight has one
        assertThat(FlightAttribution.attribute(autumn, null, List.of(crew5, crew6))).map(Mission::id).contains("crew-5");
        UnnamedFlight spring2025 = new UnnamedFlight("Crew Dragon",
                new LaunchDate("2025", DatePrecision.SEASON, "spring", "in spring 2025", List.of("in spring 2025"), 0.6),
                autumn.crew(), autumn.evidence(), autumn.spacecraftEvidence());
        assertThat(FlightAttribution.attribute(spring2025, PUBLISHED, List.of(crew5))).isEmpty();
    }

    @Test
    void aFlightWithoutADateIsPlacedByTheArticlesDateOrNotAtAll() {
        var crew5 = mission("crew-5", "Crew Dragon", Set.of("anna-kikina"), "2022-10-05");
        var crew12 = mission("crew-12", "Crew Dragon", Set.of("anna-kikina"), "2025-02-01");
        UnnamedFlight f = flight("Crew Dragon", Assignment.PRIME, KIKINA);
        UnnamedFlight undated = new UnnamedFlight(f.spacecraft(), null, f.crew(), f.evidence(), f.spacecraftEvidence());
        assertThat(FlightAttribution.attribute(undated, PUBLISHED, List.of(crew5, crew12))).map(Mission::id).contains("crew-5");
        assertThat(FlightAttribution.attribute(undated, null, List.of(crew5))).isEmpty();
    }

    @Test
    void everyoneOnTheFlightMustBeInTheMissionsCurrentCrew() {
        var crew5 = mission("crew-5", "Crew Dragon", Set.of("anna-kikina"), "2022-10-05");
        // one shared name is not enough: the event would put the other person on Crew-5
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA, RUBIO), PUBLISHED, List.of(crew5)))
                .isEmpty();
    }

    @Test
    void someoneTakenOffTheMissionLaterIsNoLongerItsCrew() {
        MissionUpdate named = new MissionUpdate(mission("crew-5"), Fact.of("Crew Dragon", "x", 0.9), null, null, null, null, null,
                List.of(new CrewAssignment(KIKINA, Assignment.PRIME, null, List.of("x"), 0.9)), List.of());
        MissionUpdate removed = new MissionUpdate(mission("crew-5"), null, null, null, null, null, null,
                List.of(new CrewAssignment(KIKINA, Assignment.REMOVED, null, List.of("y"), 0.9)), List.of());
        UnnamedFlight f = flight("Crew Dragon", Assignment.PRIME, KIKINA);
        List<Dated> both = List.of(new Dated(LocalDate.of(2022, 1, 1), named), new Dated(LocalDate.of(2022, 3, 1), removed));
        assertThat(FlightAttribution.attribute(f, PUBLISHED, known(both))).isEmpty();
        // the same two claims arriving the other way round
        assertThat(FlightAttribution.attribute(f, PUBLISHED, known(List.of(both.get(1), both.get(0))))).isEmpty();
        // a removal published before the assignment is history
        List<Dated> reinstated = List.of(new Dated(LocalDate.of(2022, 3, 1), named), new Dated(LocalDate.of(2022, 1, 1), removed));
        assertThat(FlightAttribution.attribute(f, PUBLISHED, known(reinstated))).map(Mission::id).contains("crew-5");
    }

    @Test
    void datesBecomeRanges() {
        assertThat(FlightAttribution.range(new LaunchDate("2022", DatePrecision.SEASON, "autumn", "t", List.of(), 1)))
                .containsExactly(LocalDate.of(2022, 9, 1), LocalDate.of(2022, 11, 30));
        assertThat(FlightAttribution.range(new LaunchDate("2023", DatePrecision.SEASON, "winter", "t", List.of(), 1)))
                .containsExactly(LocalDate.of(2022, 12, 1), LocalDate.of(2024, 2, 28));
        assertThat(FlightAttribution.range(new LaunchDate("2024-02", DatePrecision.MONTH, null, "t", List.of(), 1)))
                .containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
        assertThat(FlightAttribution.range(new LaunchDate("2022", DatePrecision.YEAR, null, "t", List.of(), 1)))
                .containsExactly(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
        assertThat(FlightAttribution.range(new LaunchDate("2022-09-21", DatePrecision.DAY, null, "t", List.of(), 1)))
                .containsExactly(LocalDate.of(2022, 9, 21), LocalDate.of(2022, 9, 21));
        assertThat(FlightAttribution.range(new LaunchDate("soon", DatePrecision.DAY, null, "t", List.of(), 1))).isNull();
    }

    @Test
    void anotherSpacecraftOrAnotherCrewDoesNotFit() {
        var known = List.of(mission("soyuz-ms-22", "Soyuz MS", Set.of("anna-kikina")),
                mission("crew-5", "Crew Dragon", Set.of("nicole-mann")));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), PUBLISHED, known)).isEmpty();
    }

    @Test
    void someoneTakenOffTheFlightIdentifiesNothing() {
        var known = List.of(mission("crew-5", "Crew Dragon", Set.of("anna-kikina")));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.REMOVED, KIKINA), PUBLISHED, known)).isEmpty();
        assertThat(FlightAttribution.crewIds(flight("Crew Dragon", Assignment.REMOVED, KIKINA))).isEmpty();
    }

    @Test
    void uncrewedMissionsAreNeverCandidates() {
        var cargo = new FlightAttribution.KnownMission(new Mission("crs-26", "CRS-26", List.of(), false),
                Set.of("Crew Dragon"), Set.of("anna-kikina"), List.of());
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), PUBLISHED, List.of(cargo))).isEmpty();
    }

    @Test
    void theAnswerDoesNotDependOnTheOrderMissionsBecameKnown() {
        var a = mission("crew-5", "Crew Dragon", Set.of("anna-kikina", "frank-rubio"), "2022-10-05");
        var b = mission("soyuz-ms-22", "Soyuz MS", Set.of("anna-kikina", "frank-rubio"), "2022-09-21");
        var f = flight("Crew Dragon", Assignment.PRIME, KIKINA, RUBIO);
        assertThat(FlightAttribution.attribute(f, PUBLISHED, List.of(a, b)))
                .isEqualTo(FlightAttribution.attribute(f, PUBLISHED, List.of(b, a)))
                .map(Mission::id).contains("crew-5");
    }

    @Test
    void earliestDayOfEachPrecision() {
        assertThat(FlightAttribution.earliestDay("2022")).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(FlightAttribution.earliestDay("2022-09")).isEqualTo(LocalDate.of(2022, 9, 1));
        assertThat(FlightAttribution.earliestDay("2022-09-21")).isEqualTo(LocalDate.of(2022, 9, 21));
        assertThat(FlightAttribution.earliestDay("2022-13")).isNull();
        assertThat(FlightAttribution.earliestDay("soon")).isNull();
        assertThat(FlightAttribution.earliestDay(null)).isNull();
    }

    @Test
    void theAttributedUpdateStatesOnlyWhatTheFlightSaid() {
        UnnamedFlight f = flight("Crew Dragon", Assignment.PRIME, KIKINA);
        MissionUpdate u = FlightAttribution.update(f, mission("crew-5"));
        assertThat(u.mission().id()).isEqualTo("crew-5");
        assertThat(u.spacecraft().value()).isEqualTo("Crew Dragon");
        assertThat(u.spacecraft().evidence()).containsExactly("It will involve a Crew Dragon.");
        assertThat(u.launchDate().text()).isEqualTo("later this autumn");
        assertThat(u.launchVehicle()).isNull();
        assertThat(u.launchSite()).isNull();
        assertThat(u.destination()).isNull();
        assertThat(u.status()).isNull();
        assertThat(u.crew()).singleElement().satisfies(c -> {
            assertThat(c.person().id()).isEqualTo("anna-kikina");
            assertThat(c.confidence()).isLessThan(0.7);
        });
    }
}
