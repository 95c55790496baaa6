package io.crossflight.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev corpus, read, merged like the stores and scored like tools/eval.py, in both orders. */
class CorpusScoreTest {

    static final LocalDate INGEST = LocalDate.of(2026, 11, 22);
    static List<CorpusHarness.Art> articles;
    static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        articles = CorpusHarness.articles("/corpus/articles.jsonl");
        expected = CorpusHarness.JSON.readTree(CorpusScoreTest.class.getResourceAsStream("/corpus/final_state.json"));
    }

    @ParameterizedTest(name = "{0} order, gazetteer {1}")
    @CsvSource({"chronological, true", "reverse, true", "chronological, false", "reverse, false"})
    void scoresTheDevCorpus(String order, boolean gazetteer) {
        ArticleReader reader = new ArticleReader(Clock.fixed(INGEST.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC), gazetteer);
        List<CorpusHarness.Art> ordered = new ArrayList<>(articles);
        Comparator<CorpusHarness.Art> byDate = Comparator.comparing(a -> a.published() == null ? INGEST : a.published());
        ordered.sort(order.equals("reverse") ? byDate.reversed() : byDate);
        CorpusHarness h = new CorpusHarness();
        h.ingest(reader, ordered, INGEST);
        h.score(expected);
        System.out.println("=== dev corpus, " + order + " order, gazetteer " + (gazetteer ? "on" : "off"));
        h.misses.forEach(System.out::println);
        h.attributed.forEach(a -> System.out.println("attributed: " + a));
        System.out.print(h.table());

        assertThat(h.hits("prime crew precision")).as("no false prime crew").isEqualTo(h.total("prime crew precision"));
        // measured: 100% with the gazetteer, 98.9% without (agencies the text never states); floors leave a little room
        assertThat(h.overall()).isGreaterThanOrEqualTo(gazetteer ? 0.98 : 0.95);
    }
}
