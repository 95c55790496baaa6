package io.crossflight.extraction;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Garbage and pathological input finish in bounded time and memory and invent nothing. */
class BadInputTest {

    static final ArticleReader READER = new ArticleReader();

    static Reading read(String body) {
        return READER.read(new Article("x", null, body, LocalDate.of(2024, 1, 1), null));
    }

    @Test
    void emptyAndGarbage() {
        assertThat(read("").updates()).isEmpty();
        assertThat(read("   \n\n  ").updates()).isEmpty();
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append((char) (rnd.nextInt(0x3000) + 1));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThat(read(sb.toString()).updates()).isEmpty());
    }

    @Test
    void oneMebibyteWallOfText() {
        String unit = "Crew-7 and Soyuz MS-24 Commander Jane Doe NASA astronaut September 21 launched docked ";
        StringBuilder sb = new StringBuilder(1 << 20);
        while (sb.length() < (1 << 20)) {
            sb.append(unit);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Reading r = read(sb.toString());
            assertThat(r.updates().size()).isLessThanOrEqualTo(2);
            assertThat(r.notes()).anyMatch(n -> n.contains("only the first"));
        });
    }

    @Test
    void aMillionCommas() {
        String commas = "Crew-7 " + ",".repeat(1_000_000) + " Jane Doe";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(commas));
        String words = "A, ".repeat(300_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(words));
    }

    @Test
    void deepHtmlNesting() {
        String html = "<html><body>" + "<div>".repeat(100_000) + "Crew-7 lifted off on Saturday." + "</div>".repeat(100_000) + "</body></html>";
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Reading r = read(html);
            assertThat(r.text()).contains("Crew-7 lifted off");
        });
    }

    @Test
    void manyNamesAndDatesInOneSentence() {
        StringBuilder sb = new StringBuilder("Crew-9 astronauts ");
        for (int i = 0; i < 5_000; i++) {
            sb.append("Alpha Beta").append(i % 10).append(" and ").append("March ").append(i % 28 + 1).append(", ");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> read(sb.toString()));
    }

    @Test
    void threadSafe() throws Exception {
        String text = "NASA astronaut Jane Doe and ESA astronaut Hans Muster will fly on Crew-12, targeted for launch on February 15.";
        Reading expected = read(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Reading>> fs = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                fs.add(pool.submit(() -> read(text)));
            }
            for (Future<Reading> f : fs) {
                assertThat(f.get().updates()).isEqualTo(expected.updates());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
