package io.crossflight.mission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.LaunchDateFact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;

/**
 * Realistic mission-update events, as the ingest service builds them from the two seed articles
 * and the reporting around them (the Kikina → Rubio swap on Soyuz MS-22, Crew-5's moving date).
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static final PersonRef PROKOPYEV = new PersonRef("sergey-prokopyev", "Sergey Prokopyev",
            List.of("Sergei Prokopiev", "Сергей Прокопьев"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef PETELIN = new PersonRef("dmitry-petelin", "Dmitry Petelin",
            List.of("Dmitri Petelin", "Дмитрий Петелин"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef RUBIO = new PersonRef("francisco-rubio", "Francisco Rubio",
            List.of("Frank Rubio", "Fransico Rubio", "Франциско Рубио"), "NASA", "US", "astronaut");
    public static final PersonRef KIKINA = new PersonRef("anna-kikina", "Anna Kikina", List.of("Анна Кикина"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef MANN = new PersonRef("nicole-mann", "Nicole Mann", List.of("Nicole Aunapu Mann"), "NASA", "US", "astronaut");
    public static final PersonRef CASSADA = new PersonRef("josh-cassada", "Josh Cassada", List.of(), "NASA", "US", "astronaut");
    public static final PersonRef WAKATA = new PersonRef("koichi-wakata", "Koichi Wakata", List.of(), "JAXA", "JP", "astronaut");

    public static final MissionRef SOYUZ_MS_22 = new MissionRef("soyuz-ms-22", "Soyuz MS-22", List.of("68S", "Союз МС-22"), true);
    public static final MissionRef CREW_5 = new MissionRef("crew-5", "Crew-5", List.of("SpaceX Crew-5", "NASA-SpaceX Crew-5"), true);

    /** A builder for one event; {@code published} is an ISO instant. */
    public static Builder article(String articleId, String published, MissionRef mission) {
        return new Builder(articleId, Instant.parse(published), mission);
    }

    public static final class Builder {
        private final String articleId;
        private final Instant published;
        private MissionRef mission;
        private Fact spacecraft;
        private Fact launchVehicle;
        private Fact launchSite;
        private Fact destination;
        private LaunchDateFact launchDate;
        private Fact status;
        private final List<CrewClaim> crew = new ArrayList<>();
        private String title;

        Builder(String articleId, Instant published, MissionRef mission) {
            this.articleId = articleId;
            this.published = published;
            this.mission = mission;
            this.title = "Article " + articleId;
        }

        public Builder mission(MissionRef m) {
            mission = m;
            return this;
        }

        public Builder title(String t) {
            title = t;
            return this;
        }

        public Builder spacecraft(String v, String sentence) {
            spacecraft = Fact.of(v, sentence, 0.9);
            return this;
        }

        public Builder launchVehicle(String v, String sentence) {
            launchVehicle = Fact.of(v, sentence, 0.9);
            return this;
        }

        public Builder launchSite(String v, String sentence) {
            launchSite = Fact.of(v, sentence, 0.9);
            return this;
        }

        public Builder destination(String v, String sentence) {
            destination = Fact.of(v, sentence, 0.9);
            return this;
        }

        public Builder launchDate(String value, String precision, String text, String sentence) {
            launchDate = new LaunchDateFact(value, precision, "season".equals(precision) ? "autumn" : null, text, List.of(sentence), 0.8);
            return this;
        }

        public Builder status(String v, String sentence) {
            status = Fact.of(v, sentence, 0.8);
            return this;
        }

        public Builder crew(PersonRef p, String assignment, String position, String sentence) {
            crew.add(new CrewClaim(p, assignment, position, List.of(sentence), 0.9));
            return this;
        }

        public MissionUpdateEvent build() {
            return MissionUpdateEvent.of(new MissionUpdateData(articleId, published, true, title, "Test Outlet",
                    "https://news.example/" + articleId, mission,
                    new MissionFacts(spacecraft, launchVehicle, launchSite, destination, launchDate, status), crew));
        }
    }

    /** January 2022: Kikina is still in the prime crew of Soyuz MS-22. */
    public static MissionUpdateEvent soyuzDecember(String articleId, MissionRef mission) {
        return article(articleId, "2021-12-10T09:00:00Z", mission)
                .spacecraft("Soyuz MS", "Soyuz MS-22 will carry Sergey Prokopyev, Dmitry Petelin and Anna Kikina.")
                .launchDate("2022-09", "month", "in September 2022", "The launch is planned for September 2022.")
                .status("planned", "The launch is planned for September 2022.")
                .crew(PROKOPYEV, "prime", "commander", "Soyuz MS-22 will carry Sergey Prokopyev, Dmitry Petelin and Anna Kikina.")
                .crew(PETELIN, "prime", "flight engineer", "Soyuz MS-22 will carry Sergey Prokopyev, Dmitry Petelin and Anna Kikina.")
                .crew(KIKINA, "prime", "flight engineer", "Soyuz MS-22 will carry Sergey Prokopyev, Dmitry Petelin and Anna Kikina.")
                .build();
    }

    /** Seed 002 (July 2022), its Soyuz MS-22 part: Kikina moves to Crew-5, Rubio takes her seat. */
    public static MissionUpdateEvent soyuzJuly(String articleId, MissionRef mission) {
        String swap = "Вместо нее в состав основного экипажа корабля #СоюзМС22 — астронавта NASA Франциско Рубио.";
        return article(articleId, "2022-07-15T12:00:00Z", mission)
                .spacecraft("Soyuz MS", "NASA astronaut Fransico Rubio will be sent in Russia's Soyuz spacecraft.")
                .crew(KIKINA, "removed", null, swap)
                .crew(RUBIO, "prime", null, swap)
                .build();
    }

    /** Seed 000 (2022-09-19): Soyuz MS-22 scheduled for this Wednesday, September 21. */
    public static MissionUpdateEvent soyuzSeptember(String articleId, MissionRef mission) {
        String crewSentence = "Sergey Prokopyev and Dmitry Petelin are the two cosmonauts taking part in this latest launch to the ISS.";
        return article(articleId, "2022-09-19T00:00:00Z", mission)
                .title("US and Russian astronauts to blast off from Baikonur")
                .spacecraft("Soyuz MS", "It will be the first time that a US astronaut has launched in a Russian spacecraft, with this one being a Soyuz MS-22.")
                .launchVehicle("Soyuz-2.1a", "The delegation has reportedly already participated in the rollout of a Soyuz-2.1a launch vehicle onto the cosmodrome’s launch pad.")
                .launchSite("Baikonur Cosmodrome", "US and Russian astronauts will blast off from the Baikonur Cosmodrome in Kazakhstan this week.")
                .destination("ISS", "The team has travelled to Kazakhstan ahead of the scheduled flight to the International Space Station (ISS) this Wednesday, September 21.")
                .launchDate("2022-09-21", "day", "this Wednesday, September 21", "The team has travelled to Kazakhstan ahead of the scheduled flight to the International Space Station (ISS) this Wednesday, September 21.")
                .status("scheduled", "The team has travelled to Kazakhstan ahead of the scheduled flight to the International Space Station (ISS) this Wednesday, September 21.")
                .crew(PROKOPYEV, "prime", null, crewSentence)
                .crew(PETELIN, "prime", null, crewSentence)
                .crew(RUBIO, "prime", null, "The joint spaceflight will involve two Russian cosmonauts along with US astronaut Frank Rubio.")
                .build();
    }

    /** Seed 002, its Crew-5 part: targeted for September 1. */
    public static MissionUpdateEvent crew5July(String articleId, MissionRef mission) {
        String s = "She is currently training in the US and will be a part of the NASA-SpaceX Crew-5 mission targeted for launch on September 1.";
        return article(articleId, "2022-07-15T12:00:00Z", mission)
                .spacecraft("Crew Dragon", "Анну Кикину планируется ввести в состав основного экипажа корабля Crew Dragon.")
                .launchDate("2022-09-01", "day", "September 1", s)
                .status("scheduled", s)
                .crew(KIKINA, "prime", null, s)
                .build();
    }

    /** Seed 000, its Crew-5 part: "later this Autumn". */
    public static MissionUpdateEvent crew5September(String articleId, MissionRef mission) {
        String s = "It entails US astronauts flying in a Russian spacecraft, and then later this Autumn, the second such seat-sharing flight in the programme is expected to take place.";
        return article(articleId, "2022-09-19T00:00:00Z", mission)
                .spacecraft("Crew Dragon", "It will involve a US Crew Dragon spacecraft and it is anticipated that Anna Kikina will be on that flight.")
                .launchDate("2022", "season", "later this Autumn", s)
                .crew(KIKINA, "prime", null, "It will involve a US Crew Dragon spacecraft and it is anticipated that Anna Kikina will be on that flight.")
                .build();
    }

    /** October 2022: Crew-5 launched on October 5 from Kennedy with its full crew. */
    public static MissionUpdateEvent crew5October(String articleId, MissionRef mission) {
        String s = "NASA astronauts Nicole Mann and Josh Cassada, JAXA astronaut Koichi Wakata and Roscosmos cosmonaut Anna Kikina lifted off on a Falcon 9 from Kennedy Space Center on October 5.";
        return article(articleId, "2022-10-05T18:00:00Z", mission)
                .spacecraft("Crew Dragon", s)
                .launchVehicle("Falcon 9", s)
                .launchSite("Kennedy Space Center", s)
                .destination("ISS", "The crew will dock with the International Space Station on Thursday.")
                .launchDate("2022-10-05", "day", "October 5", s)
                .status("launched", s)
                .crew(MANN, "prime", "commander", s)
                .crew(CASSADA, "prime", "pilot", s)
                .crew(WAKATA, "prime", "mission specialist", s)
                .crew(KIKINA, "prime", "mission specialist", s)
                .build();
    }

    /** A late, stale report: still says "scheduled" for October 3, published before the launch article. */
    public static MissionUpdateEvent crew5Stale(String articleId, MissionRef mission) {
        String s = "Crew-5 is now scheduled to launch on October 3.";
        return article(articleId, "2022-09-28T08:00:00Z", mission)
                .launchDate("2022-10-03", "day", "October 3", s)
                .status("scheduled", s)
                .build();
    }

    /** The whole realistic sequence for one pair of missions (ids taken from the refs). */
    public static List<MissionUpdateEvent> sequence(String prefix, MissionRef soyuz, MissionRef crew5) {
        return List.of(
                soyuzDecember(prefix + "a1", soyuz),
                soyuzJuly(prefix + "a2", soyuz),
                crew5July(prefix + "a2", crew5),
                soyuzSeptember(prefix + "a3", soyuz),
                crew5September(prefix + "a3", crew5),
                crew5Stale(prefix + "a4", crew5),
                crew5October(prefix + "a5", crew5));
    }

    public static MissionRef mission(String id, String name, String... aliases) {
        return new MissionRef(id, name, List.of(aliases), true);
    }
}
