package io.crossflight.extraction;

import io.crossflight.extraction.internal.Extractor;
import io.crossflight.extraction.internal.Lexicon;
import io.crossflight.extraction.internal.MissionFinder;
import io.crossflight.extraction.internal.NameFinder;
import io.crossflight.extraction.internal.Sentences;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The extraction engine: an article in, mission updates out. Build one at start-up (models and
 * gazetteers load once) and share it: {@link #read} is thread-safe.
 */
public final class ArticleReader {

    private final Extractor.Resources resources;
    private final Clock clock;

    public ArticleReader() {
        this(Clock.systemUTC(), true);
    }

    /**
     * @param clock     "now" for articles without a publication date (they count as published at ingest)
     * @param gazetteer whether to use the built-in list of well-known space travellers as seed knowledge
     */
    public ArticleReader(Clock clock, boolean gazetteer) {
        this.clock = clock;
        InMemoryPersonDirectory known = new InMemoryPersonDirectory();
        if (gazetteer) {
            loadPeople(known);
        }
        this.resources = new Extractor.Resources(new Sentences(), new Lexicon(), new MissionFinder(), new NameFinder(), known);
    }

    /** Read with identity owned by the caller: people are resolved against {@code directory} and told to it. */
    public Reading read(Article article, PersonDirectory directory) {
        return read(article, directory, LocalDate.now(clock));
    }

    /**
     * The same, with the caller's "today" (UTC) for an article without a date: a service that
     * counts such an article as published when it arrived reads it against that day.
     */
    public Reading read(Article article, PersonDirectory directory, LocalDate today) {
        return new Extractor(resources, article, directory, today).read();
    }

    /** Read with a throw-away directory (no cross-article identity beyond the built-in gazetteer). */
    public Reading read(Article article) {
        return read(article, new InMemoryPersonDirectory());
    }

    private static void loadPeople(InMemoryPersonDirectory dir) {
        try (InputStream in = ArticleReader.class.getResourceAsStream("people.txt")) {
            if (in == null) {
                throw new IllegalStateException("people.txt missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                List<String> aliases = new ArrayList<>();
                for (String a : f[4].split(";")) {
                    if (!a.isBlank()) {
                        aliases.add(a.strip());
                    }
                }
                dir.remember(new CrewMember(PersonNames.slug(f[0]), f[0], aliases, blank(f[1]), blank(f[2]), blank(f[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
