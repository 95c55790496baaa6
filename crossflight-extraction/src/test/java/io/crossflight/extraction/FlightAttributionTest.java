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

    /** What named updates say about each mission, as the ingest side gathers it. */
    static List<FlightAttribution.KnownMission> known(Collection<MissionUpdate> updates) {
        Map<String, List<MissionUpdate>> byMission = new LinkedHashMap<>();
        updates.forEach(u -> byMission.computeIfAbsent(u.mission().id(), k -> new ArrayList<>()).add(u));
        List<FlightAttribution.KnownMission> known = new ArrayList<>();
        for (List<MissionUpdate> us : byMission.values()) {
            Set<String> craft = new LinkedHashSet<>();
            Set<String> crew = new LinkedHashSet<>();
            List<LocalDate> dates = new ArrayList<>();
            for (MissionUpdate u : us) {
                if (u.spacecraft() != null) {
                    craft.add(u.spacecraft().value());
                }
                u.crew().stream().filter(c -> c.assignment() != Assignment.REMOVED).forEach(c -> crew.add(c.person().id()));
                if (u.launchDate() != null) {
                    dates.add(FlightAttribution.earliestDay(u.launchDate().value()));
                }
            }
            known.add(new FlightAttribution.KnownMission(us.get(0).mission(), craft, crew, dates));
        }
        return known;
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
        return new UnnamedFlight(craft, autumn, aboard, List.of("later this autumn, the flight", "It will involve a " + craft + "."));
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
                mission("crew-9", "Crew Dragon", Set.of("anna-kikina"), "2023-03-01"));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), PUBLISHED, known)).isEmpty();
    }

    @Test
    void aMissionYearsAwayIsNotTheFlightTheArticleMeans() {
        var known = List.of(mission("crew-5", "Crew Dragon", Set.of("anna-kikina"), "2022-10-05"),
                mission("crew-12", "Crew Dragon", Set.of("anna-kikina"), "2025-02-01"));
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), PUBLISHED, known))
                .map(Mission::id).contains("crew-5");
        // with no publication date, nothing rules the later one out
        assertThat(FlightAttribution.attribute(flight("Crew Dragon", Assignment.PRIME, KIKINA), null, known)).isEmpty();
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
        var a = mission("crew-5", "Crew Dragon", Set.of("anna-kikina"), "2022-10-05");
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
