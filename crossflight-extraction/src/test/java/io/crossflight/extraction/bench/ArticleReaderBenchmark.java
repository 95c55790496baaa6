package io.crossflight.extraction.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossflight.extraction.Article;
import io.crossflight.extraction.ArticleReader;
import io.crossflight.extraction.InMemoryPersonDirectory;
import io.crossflight.extraction.PersonDirectory;
import io.crossflight.extraction.Reading;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Articles per second of the engine alone on one thread, over the dev corpus and the two seeds
 * (14 + 2 real-style articles, 1.4–3.2 KB, English, Russian and mixed), read through one shared
 * person directory as the ingest service would.
 *
 * <pre>
 * ./mvnw -q -o -pl crossflight-extraction test-compile exec:exec
 * </pre>
 * (or run {@link #main} from an IDE): three forks, with JMH's GC profiler for the bytes allocated
 * per article. The first articles of a fork build the cue patterns' per-letter copies (see
 * internal.Rx), so the warm-up is long enough for that and for C2. Not run by {@code mvn test}:
 * surefire excludes the bench package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
@Threads(1)
public class ArticleReaderBenchmark {

    private static final ArticleReader READER = new ArticleReader();
    private List<Article> articles;
    private PersonDirectory directory;
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        articles = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = ArticleReaderBenchmark.class.getResourceAsStream("/corpus/articles.jsonl")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode a = json.readTree(line);
                    articles.add(new Article(a.get("id").asText(), a.get("title").asText(), a.get("body").asText(),
                            LocalDate.parse(a.get("publishedAt").asText()), null));
                }
            }
        }
        for (String seed : new String[]{"000_fb0ee394c0ba0c6a.txt", "002_874878a65ba7efb4.txt"}) {
            try (InputStream in = ArticleReaderBenchmark.class.getResourceAsStream("/seeds/" + seed)) {
                articles.add(Article.fromPlainText(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        directory = new InMemoryPersonDirectory();
    }

    /** One article per call, cycling through the mix. */
    @Benchmark
    public Reading readArticle() {
        Article a = articles.get(next);
        next = (next + 1) % articles.size();
        return READER.read(a, directory);
    }

    /** JMH's own command line; with no arguments, this benchmark with the annotated settings and -prof gc. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length == 0 ? new String[]{ArticleReaderBenchmark.class.getSimpleName(), "-prof", "gc"} : args);
    }
}
