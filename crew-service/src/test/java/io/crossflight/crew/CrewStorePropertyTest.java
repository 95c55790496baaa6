package io.crossflight.crew;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.crossflight.events.MissionUpdateEvent;

/**
 * Order independence as a property, on real PostgreSQL: whatever order the events of the story
 * (crew claims, and mentions of people holding no seat on the article's mission) arrive in, and
 * however often each is redelivered, the store ends in exactly the state of applying them once in
 * publication order.
 *
 * <p>Each case is a random delivery (a permutation of the story plus up to six redeliveries at random
 * places) drawn from a seed shown in the test name; {@code -Dcrew.property.seed=N} replays a base
 * seed, {@code -Dcrew.property.tries=N} changes the number of cases.
 */
class CrewStorePropertyTest {

    private static final long BASE_SEED = Long.getLong("crew.property.seed", new Random().nextLong());
    private static final int TRIES = Integer.getInteger("crew.property.tries", 40);

    private static StoreFixture fixture;
    private static String reference;

    @BeforeAll
    static void referenceState() throws SQLException {
        fixture = new StoreFixture("crew_property");
        fixture.reset();
        fixture.applyAll(CrewEvents.story());
        reference = fixture.dump();
        // The reference must itself be the right answer, or equality with it proves nothing.
        assertThat(fixture.column("SELECT mission_id || ':' || assignment FROM crew_assignments WHERE person_id = 'anna-kikina' ORDER BY 1"))
                .containsExactly("crew-5:prime", "soyuz-ms-22:removed");
        assertThat(fixture.column("SELECT status FROM crew_missions WHERE mission_id = 'soyuz-ms-22'")).containsExactly("launched");
        assertThat(fixture.column("SELECT assignment FROM crew_assignments WHERE person_id = 'koichi-wakata'")).containsExactly("prime");
        assertThat(fixture.column("SELECT aliases::text FROM crew_persons WHERE id = 'francisco-rubio'"))
                .containsExactly("[\"Frank Rubio\", \"Fransico Rubio\", \"Франциско Рубио\"]");
        // Mentions: stored as people with their facts, never as assignments.
        assertThat(fixture.column("SELECT person_id FROM crew_claims WHERE assignment = 'mentioned' ORDER BY 1"))
                .containsExactly("anton-shkaplerov", "mark-vande-hei", "nicole-mann", "sergey-prokopyev");
        assertThat(fixture.column("SELECT id || ':' || agency || ':' || role || ':' || aliases::text FROM crew_persons"
                + " WHERE id = 'anton-shkaplerov'")).containsExactly("anton-shkaplerov:Roscosmos:cosmonaut:[\"Антон Шкаплеров\"]");
        assertThat(fixture.column("SELECT view->>'missions' FROM crew_persons WHERE id IN ('anton-shkaplerov', 'mark-vande-hei')"))
                .containsExactly("[]", "[]");
        assertThat(fixture.column("SELECT count(*) FROM crew_assignments WHERE person_id IN ('anton-shkaplerov', 'mark-vande-hei')"))
                .containsExactly("0");
        // Prokopyev, mentioned by the newer Crew-5 article: exactly his Soyuz MS-22 seat, plus the new spelling;
        // the mention's missing nationality and role do not erase the older ones.
        assertThat(fixture.column("SELECT mission_id || ':' || assignment || ':' || position FROM crew_assignments"
                + " WHERE person_id = 'sergey-prokopyev'")).containsExactly("soyuz-ms-22:prime:commander");
        assertThat(fixture.column("SELECT aliases::text || ':' || nationality || ':' || role FROM crew_persons WHERE id = 'sergey-prokopyev'"))
                .containsExactly("[\"Sergei Prokopyev\", \"Сергей Прокопьев\"]:RU:cosmonaut");
        // Mann, mentioned before her own Crew-5 claim: the later claim decides, the mention adds nothing to missions.
        assertThat(fixture.column("SELECT mission_id || ':' || assignment FROM crew_assignments WHERE person_id = 'nicole-mann'"))
                .containsExactly("crew-5:prime");
    }

    @AfterAll
    static void close() throws SQLException {
        fixture.close();
    }

    static Stream<Long> seeds() {
        Random base = new Random(BASE_SEED);
        return LongStream.generate(base::nextLong).limit(TRIES).boxed();
    }

    @ParameterizedTest(name = "delivery from seed {0}")
    @MethodSource("seeds")
    void anyOrderAndAnyRedeliveryGiveTheSameStore(long seed) throws SQLException {
        List<MissionUpdateEvent> deliveries = delivery(new Random(seed));
        fixture.reset();
        int applied = fixture.applyAll(deliveries);

        String order = deliveries.stream().map(e -> e.data().articleId() + "/" + e.data().mission().id()).toList().toString();
        assertThat(applied).as("each distinct event applied exactly once; delivery %s", order).isEqualTo(CrewEvents.story().size());
        assertThat(fixture.dump()).as("final store after delivery %s (base seed %d)", order, BASE_SEED).isEqualTo(reference);
    }

    @ParameterizedTest(name = "batched delivery from seed {0}")
    @MethodSource("seeds")
    void batchesOfAnySizeGiveTheSameStoreAsOneEventAtATime(long seed) throws SQLException {
        Random random = new Random(seed);
        List<MissionUpdateEvent> deliveries = delivery(random);
        // The live consumer's batches: whatever one poll returned, redeliveries possibly inside one batch.
        List<Integer> sizes = new ArrayList<>();
        for (int left = deliveries.size(); left > 0; ) {
            int size = 1 + random.nextInt(left);
            sizes.add(size);
            left -= size;
        }
        fixture.reset();
        int applied = fixture.applyInBatches(deliveries, sizes);

        String order = deliveries.stream().map(e -> e.data().articleId() + "/" + e.data().mission().id()).toList() + " in " + sizes;
        assertThat(applied).as("each distinct event applied exactly once; delivery %s", order).isEqualTo(CrewEvents.story().size());
        assertThat(fixture.dump()).as("final store after delivery %s (base seed %d)", order, BASE_SEED).isEqualTo(reference);
    }

    /** The story shuffled, with up to six events delivered again at random places. */
    static List<MissionUpdateEvent> delivery(Random random) {
        List<MissionUpdateEvent> story = CrewEvents.story();
        List<MissionUpdateEvent> all = new ArrayList<>(story);
        int dups = random.nextInt(7);
        for (int i = 0; i < dups; i++) {
            all.add(story.get(random.nextInt(story.size())));
        }
        Collections.shuffle(all, random);
        return all;
    }
}
