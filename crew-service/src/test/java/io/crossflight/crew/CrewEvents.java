package io.crossflight.crew;

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
 * Realistic mission-update events around the first NASA–Roscosmos cross-flight (the two seed
 * articles and what came before and after them), built with the events module as the ingest
 * service would publish them.
 */
public final class CrewEvents {

    public static final MissionRef SOYUZ_MS_22 = new MissionRef("soyuz-ms-22", "Soyuz MS-22", List.of("Союз МС-22", "68S"), true);
    public static final MissionRef CREW_5 = new MissionRef("crew-5", "Crew-5", List.of("SpaceX Crew-5", "NASA's SpaceX Crew-5"), true);

    public static final PersonRef PROKOPYEV = new PersonRef("sergey-prokopyev", "Sergey Prokopyev",
            List.of("Сергей Прокопьев"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef PETELIN = new PersonRef("dmitry-petelin", "Dmitry Petelin",
            List.of("Дмитрий Петелин"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef KIKINA = new PersonRef("anna-kikina", "Anna Kikina",
            List.of("Анна Кикина"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef RUBIO = new PersonRef("francisco-rubio", "Francisco Rubio",
            List.of("Fransico Rubio", "Франциско Рубио"), "NASA", "US", "astronaut");
    /** How the 2022-09-19 article names him: only the nickname is new. */
    public static final PersonRef RUBIO_AS_FRANK = new PersonRef("francisco-rubio", "Francisco Rubio",
            List.of("Frank Rubio"), "NASA", null, null);
    public static final PersonRef MANN = new PersonRef("nicole-mann", "Nicole Mann", List.of("Nicole Aunapu Mann"), "NASA", "US", "astronaut");
    public static final PersonRef CASSADA = new PersonRef("josh-cassada", "Josh Cassada", List.of(), "NASA", "US", "astronaut");
    public static final PersonRef WAKATA = new PersonRef("koichi-wakata", "Koichi Wakata", List.of("若田光一"), "JAXA", "JP", "astronaut");
    public static final PersonRef KONONENKO = new PersonRef("oleg-kononenko", "Oleg Kononenko", List.of("Олег Кононенко"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef OHARA = new PersonRef("loral-o-hara", "Loral O'Hara", List.of(), "NASA", "US", "astronaut");
    /** Mentioned only: the Expedition 66 crew aboard the station in December 2021. */
    public static final PersonRef SHKAPLEROV = new PersonRef("anton-shkaplerov", "Anton Shkaplerov",
            List.of("Антон Шкаплеров"), "Roscosmos", "RU", "cosmonaut");
    public static final PersonRef VANDE_HEI = new PersonRef("mark-vande-hei", "Mark Vande Hei", List.of(), "NASA", "US", "astronaut");
    /** How the Crew-5 launch article names the Soyuz MS-22 commander already aboard: a new spelling, no nationality or role. */
    public static final PersonRef PROKOPYEV_ABOARD = new PersonRef("sergey-prokopyev", "Sergey Prokopyev",
            List.of("Sergei Prokopyev"), "Roscosmos", null, null);

    private CrewEvents() {
    }

    public static CrewClaim claim(PersonRef p, String assignment, String position, String sentence) {
        return new CrewClaim(p, assignment, position, List.of(sentence), 0.9);
    }

    public static MissionUpdateEvent event(String articleId, String publishedAt, MissionRef mission, String status,
                                           CrewClaim... crew) {
        return event(articleId, publishedAt, mission, status, null, crew);
    }

    public static MissionUpdateEvent event(String articleId, String publishedAt, MissionRef mission, String status,
                                           String launchDate, CrewClaim... crew) {
        return event(articleId, publishedAt, mission, status, launchDate, List.of(), crew);
    }

    /** With {@code mentionedPeople}: people the article names who hold no assignment on this mission. */
    public static MissionUpdateEvent event(String articleId, String publishedAt, MissionRef mission, String status,
                                           String launchDate, List<PersonRef> mentioned, CrewClaim... crew) {
        MissionFacts facts = new MissionFacts(
                Fact.of(mission.id().startsWith("soyuz") ? "Soyuz MS" : "Crew Dragon", "The flight uses a " + mission.name() + ".", 0.8),
                null, null, Fact.of("ISS", "The crew will fly to the International Space Station (ISS).", 0.9),
                launchDate == null ? null : new LaunchDateFact(launchDate, "day", null, launchDate, List.of("targeted for launch on " + launchDate), 0.8),
                status == null ? null : Fact.of(status, "The mission is " + status + ".", 0.8));
        MissionUpdateData data = new MissionUpdateData(articleId, Instant.parse(publishedAt), true,
                "Article " + articleId, "Test Wire", "https://news.example/" + articleId, mission, facts, List.of(crew), mentioned);
        return MissionUpdateEvent.of(data);
    }

    /**
     * The story in publication order: Kikina named to Soyuz MS-22, backups named, the swap (seed 002,
     * with a Russian tweet), the launch preview (seed 000, "Frank Rubio"), launch, a stale preview
     * published before the launch, Crew-5's flight, and two same-time articles disagreeing on Wakata.
     * Some articles also mention people who are not on their mission: the Expedition 66 crew aboard in
     * 2021 (on no mission of the story), Nicole Mann before her own Crew-5 claim, and Prokopyev, aboard
     * when Crew-5 arrives, after his Soyuz MS-22 claims.
     */
    public static List<MissionUpdateEvent> story() {
        List<MissionUpdateEvent> events = new ArrayList<>();
        events.add(event("art-2021-12-kikina", "2021-12-20T09:00:00Z", SOYUZ_MS_22, "planned", null,
                List.of(SHKAPLEROV, VANDE_HEI),
                claim(PROKOPYEV, "prime", "commander", "Sergey Prokopyev will command Soyuz MS-22."),
                claim(PETELIN, "prime", "flight engineer", "Dmitry Petelin will fly as flight engineer."),
                claim(KIKINA, "prime", "flight engineer", "Anna Kikina was named to the Soyuz MS-22 crew.")));
        events.add(event("art-2022-07-swap", "2022-07-15T12:00:00Z", SOYUZ_MS_22, null, null,
                List.of(new PersonRef("nicole-mann", "Nicole Mann", List.of(), "NASA", "US", "astronaut")),
                claim(KIKINA, "removed", null, "Вместо нее в состав основного экипажа корабля #СоюзМС22 — астронавта NASA Франциско Рубио."),
                claim(RUBIO, "prime", "flight engineer", "NASA astronaut Fransico Rubio will be sent in Russia's Soyuz spacecraft.")));
        events.add(event("art-2022-07-swap", "2022-07-15T12:00:00Z", CREW_5, "scheduled", "2022-09-01",
                claim(KIKINA, "prime", "mission specialist", "She will be a part of the NASA-SpaceX Crew-5 mission targeted for launch on September 1.")));
        events.add(event("art-2022-08-backups", "2022-08-01T08:00:00Z", SOYUZ_MS_22, null,
                claim(KONONENKO, "backup", "commander", "Oleg Kononenko heads the backup crew."),
                claim(OHARA, "backup", "flight engineer", "Loral O'Hara is Rubio's backup.")));
        events.add(event("art-2022-09-stale", "2022-09-10T06:00:00Z", SOYUZ_MS_22, "scheduled"));
        events.add(event("fb0ee394c0ba0c6a", "2022-09-19T00:00:00Z", SOYUZ_MS_22, "scheduled", "2022-09-21",
                claim(PROKOPYEV, "prime", "commander", "Sergey Prokopyev and Dmitry Petelin are the two cosmonauts taking part in this latest launch to the ISS."),
                claim(PETELIN, "prime", "flight engineer", "Sergey Prokopyev and Dmitry Petelin are the two cosmonauts taking part in this latest launch to the ISS."),
                claim(RUBIO_AS_FRANK, "prime", null, "The joint spaceflight will involve two Russian cosmonauts along with US astronaut Frank Rubio.")));
        events.add(event("fb0ee394c0ba0c6a", "2022-09-19T00:00:00Z", CREW_5, null,
                claim(KIKINA, "prime", null, "It is anticipated that Anna Kikina, Russia's only active female cosmonaut, will be on that flight.")));
        events.add(event("art-2022-09-launch", "2022-09-21T13:54:00Z", SOYUZ_MS_22, "launched"));
        events.add(event("art-2022-10-a", "2022-10-05T16:00:00Z", CREW_5, "launched", null,
                List.of(PROKOPYEV_ABOARD),
                claim(MANN, "prime", "commander", "NASA astronaut Nicole Mann commands Crew-5."),
                claim(CASSADA, "prime", "pilot", "Josh Cassada is the pilot."),
                claim(WAKATA, "backup", null, "Koichi Wakata was listed as backup."),
                claim(KIKINA, "prime", "mission specialist", "Anna Kikina flies as mission specialist.")));
        // Same publication time: the tie is broken by article id (art-2022-10-b wins), whatever the arrival order.
        events.add(event("art-2022-10-b", "2022-10-05T16:00:00Z", CREW_5, "launched",
                claim(WAKATA, "prime", "mission specialist", "JAXA astronaut Koichi Wakata flies as mission specialist.")));
        return events;
    }
}
