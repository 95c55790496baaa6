package io.crossflight.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MissionUpdateCodecTest {

    private static MissionUpdateData data(String assignment) {
        PersonRef rubio = new PersonRef("francisco-rubio", "Francisco Rubio", List.of("Frank Rubio", "Франциско Рубио"),
                "NASA", "US", "astronaut");
        return new MissionUpdateData("a1", Instant.parse("2022-09-19T00:00:00Z"), true, "t", "s", null,
                new MissionRef("soyuz-ms-22", "Soyuz MS-22", List.of("68S"), true),
                new MissionFacts(Fact.of("Soyuz MS", "It is a Soyuz MS-22.", 0.9), null, null, null,
                        new LaunchDateFact("2022-09-21", "day", null, "this Wednesday, September 21", List.of("…"), 0.9),
                        Fact.of("scheduled", "…", 0.8)),
                List.of(new CrewClaim(rubio, assignment, "flight engineer", List.of("…"), 0.9)),
                List.of(new PersonRef("anton-shkaplerov", "Anton Shkaplerov", List.of(), "Roscosmos", "RU", "cosmonaut")));
    }

    @Test
    void roundTripsEveryField() {
        MissionUpdateEvent e = MissionUpdateEvent.of(data("prime"));
        MissionUpdateEvent back = MissionUpdateCodec.parse(MissionUpdateCodec.toJson(e));
        assertEquals(e, back);
        assertTrue(MissionUpdateCodec.toJson(e).contains("\"time\":\"2022-09-19T00:00:00Z\""), "ISO time, not a number");
    }

    @Test
    void eventIdIsDeterministicPerArticleAndMission() {
        assertEquals(EventIds.eventId("a1", "crew-5"), EventIds.eventId("a1", "crew-5"));
        assertNotEquals(EventIds.eventId("a1", "crew-5"), EventIds.eventId("a1", "soyuz-ms-22"));
        assertNotEquals(EventIds.eventId("a1", "crew-5"), EventIds.eventId("a2", "crew-5"));
        assertEquals(MissionUpdateEvent.of(data("prime")).id(), MissionUpdateEvent.of(data("backup")).id());
    }

    @Test
    void toleratesFieldsAddedWithinTheVersion() {
        String json = MissionUpdateCodec.toJson(MissionUpdateEvent.of(data("prime"))).replace("\"specversion\"", "\"futurefield\":1,\"specversion\"");
        assertEquals("soyuz-ms-22", MissionUpdateCodec.parse(json).subject());
    }

    @Test
    void refusesWhatNoConsumerCanApply() {
        String good = MissionUpdateCodec.toJson(MissionUpdateEvent.of(data("prime")));
        assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse("not json"));
        assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse(""));
        assertTrue(assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse(good.replace("\"schemaversion\":1", "\"schemaversion\":2")))
                .getMessage().contains("schema version 2"));
        assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse(good.replace(MissionUpdateEvent.TYPE, "other.type")));
        assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse(MissionUpdateCodec.toJson(MissionUpdateEvent.of(data("captain")))));
        assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse(good.replace("\"anton-shkaplerov\"", "\"Anton Shkaplerov\"")));
        assertThrows(InvalidEventException.class, () -> MissionUpdateCodec.parse(good.replace("\"scheduled\"", "\"exploded\"")));
    }

    @Test
    void slugsAreLowerCaseAscii() {
        assertEquals("soyuz-ms-22", Slugs.slug("Soyuz MS-22"));
        assertEquals("michael-lopez-alegria", Slugs.slug("Michael López-Alegría"));
        assertEquals("alper-gezeravci", Slugs.slug("Alper Gezeravcı"));
        assertEquals("crew-5", Slugs.slug("  Crew-5 "));
    }
}
