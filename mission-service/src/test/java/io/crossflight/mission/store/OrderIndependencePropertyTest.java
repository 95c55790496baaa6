package io.crossflight.mission.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.Fixtures;
import io.crossflight.mission.StoreHarness;
import io.crossflight.testkit.TestInfra;

/**
 * Issue 4, "correct under any order", as a property: any permutation of a realistic event
 * sequence, with any duplicates, applied one by one or in batches of any size, ends in exactly
 * the same store on a real PostgreSQL — the one that applying each event once, oldest first,
 * gives. Each try is generated from its own seed (shown in the test name), so a failure
 * reproduces with {@code -Dproperty.seed=<seed>}; {@code -Dproperty.tries=N} runs more.
 */
class OrderIndependencePropertyTest {

    private static StoreHarness store;
    private static String expected;

    /** The seeds' story for two missions, plus two articles published at the same instant. */
    static final List<MissionUpdateEvent> EVENTS;

    static {
        List<MissionUpdateEvent> events = new ArrayList<>(Fixtures.sequence("p-", Fixtures.SOYUZ_MS_22, Fixtures.CREW_5));
        // Same publication time, different status: the tie goes to the greater article id (p-t2).
        events.add(Fixtures.article("p-t2", "2022-10-06T10:00:00Z", Fixtures.CREW_5).status("docked", "Crew-5 docked.").build());
        events.add(Fixtures.article("p-t1", "2022-10-06T10:00:00Z", Fixtures.CREW_5).status("launched", "Crew-5 is in orbit.").build());
        // A mission only ever mentioned, with nothing stated about it.
        events.add(Fixtures.article("p-a3", "2022-09-19T00:00:00Z", Fixtures.mission("soyuz-ms-23", "Soyuz MS-23")).build());
        EVENTS = List.copyOf(events);
    }

    @BeforeAll
    static void start() throws SQLException {
        store = new StoreHarness(TestInfra.jdbcUrl("missions_prop"), TestInfra.username(), TestInfra.password());
        store.truncate();
        store.apply(EVENTS, 1); // as published, each once: the reference store
        expected = store.snapshot();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (store != null) {
            store.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> anyOrderAnyDuplicatesAnyBatchingGivesTheSameStore() {
        long fixed = Long.getLong("property.seed", 0L);
        LongStream seeds = fixed != 0 ? LongStream.of(fixed)
                : new Random().longs(Integer.getInteger("property.tries", 40));
        return seeds.boxed().map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Random random = new Random(seed);
            List<MissionUpdateEvent> delivered = new ArrayList<>(EVENTS);
            int duplicates = random.nextInt(9);
            for (int i = 0; i < duplicates; i++) {
                delivered.add(EVENTS.get(random.nextInt(EVENTS.size())));
            }
            Collections.shuffle(delivered, random);
            int batch = 1 + random.nextInt(5);

            store.truncate();
            int applied = store.apply(delivered, batch);
            assertThat(applied).as("each distinct event applied exactly once").isEqualTo(EVENTS.size());
            assertThat(store.snapshot()).as("store after %s in batches of %d", ids(delivered), batch).isEqualTo(expected);
        }));
    }

    @Test
    void theReferenceStoreHoldsTheLatestPublishedFacts() throws Exception {
        store.truncate();
        List<MissionUpdateEvent> newestFirst = new ArrayList<>(EVENTS);
        Collections.reverse(newestFirst);
        store.apply(newestFirst, 1);
        JsonNode soyuz = detail("soyuz-ms-22");
        assertThat(crewIds(soyuz)).containsExactly("sergey-prokopyev", "dmitry-petelin", "francisco-rubio");
        assertThat(soyuz.at("/status").asText()).isEqualTo("scheduled");
        assertThat(soyuz.at("/launchDate/value").asText()).isEqualTo("2022-09-21");
        assertThat(soyuz.at("/crew/0/position").asText()).as("commander stated in December, not contradicted since").isEqualTo("commander");
        JsonNode crew5 = detail("crew-5");
        assertThat(crew5.at("/status").asText()).as("tie on publication time: greater article id wins").isEqualTo("docked");
        assertThat(crew5.at("/launchDate/value").asText()).isEqualTo("2022-10-05");
        assertThat(crew5.at("/provenance/status/articleId").asText()).isEqualTo("p-t2");
        JsonNode ms23 = detail("soyuz-ms-23");
        assertThat(ms23.get("status").isNull()).as("unknown fields are null, never guessed").isTrue();
        assertThat(ms23.get("crew")).isEmpty();
    }

    @Test
    void theMaterialisedMissionEqualsTheFoldOfItsStoredClaims() throws Exception {
        store.truncate();
        List<MissionUpdateEvent> shuffled = new ArrayList<>(EVENTS);
        Collections.shuffle(shuffled, new Random(4));
        store.apply(shuffled, 3);
        for (String id : List.of("soyuz-ms-22", "crew-5", "soyuz-ms-23")) {
            MissionState fold = MissionState.empty(id);
            MissionQueries.events(store.connection, id, null).forEach(e -> fold.merge(e.claims()));
            store.connection.commit();
            JsonNode fromClaims = MissionUpdateCodec.mapper().readTree(MissionStore.json(fold.view(true)));
            assertThat(fromClaims).isEqualTo(detail(id));
        }
    }

    private static JsonNode detail(String id) throws Exception {
        String json = MissionQueries.detail(store.connection, id).orElseThrow();
        store.connection.commit();
        return MissionUpdateCodec.mapper().readTree(json);
    }

    private static List<String> crewIds(JsonNode mission) {
        List<String> ids = new ArrayList<>();
        mission.get("crew").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static List<String> ids(List<MissionUpdateEvent> events) {
        return events.stream().map(e -> e.data().articleId() + "/" + e.data().mission().id()).toList();
    }
}
