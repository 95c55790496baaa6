package io.crossflight.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crossflight.events.MissionUpdateData;
import io.crossflight.ingest.store.ArticleStore;
import io.crossflight.ingest.store.NewArticle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes one article from request to durably queued events: read it (outside any transaction,
 * it is CPU work), then store article, extraction and outbox rows in one transaction.
 */
@ApplicationScoped
public class ArticleIngestion {

    private final MissionExtractor extractor;
    private final ArticleStore store;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Counter ingested;
    private final Counter duplicates;

    @Inject
    public ArticleIngestion(MissionExtractor extractor, ArticleStore store, OutboxRelay relay, MeterRegistry registry) {
        this(extractor, store, relay, registry, Clock.systemUTC());
    }

    ArticleIngestion(MissionExtractor extractor, ArticleStore store, OutboxRelay relay, MeterRegistry registry, Clock clock) {
        this.extractor = extractor;
        this.store = store;
        this.relay = relay;
        this.clock = clock;
        this.ingested = Counter.builder("crossflight.articles.ingested").description("new articles stored").register(registry);
        this.duplicates = Counter.builder("crossflight.articles.duplicates").description("articles recognised as already stored").register(registry);
    }

    public IngestResult ingest(IncomingArticle in) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Extraction read = extractor.extract(in, now);
        String hash = contentHash(read.text());
        Optional<IngestResult> earlier = store.findDuplicate(hash, in.url());
        if (earlier.isPresent()) {
            duplicates.increment();
            return earlier.get();
        }
        Instant published = in.publishedAt() != null ? in.publishedAt() : read.publishedAt();
        boolean known = published != null;
        String articleId = hash.substring(0, 24);
        String title = in.title() != null ? in.title() : read.title();
        Instant publishedAt = known ? published : now;
        UnaryOperator<MissionUpdateData> ofThisArticle = u -> new MissionUpdateData(articleId, publishedAt, known, title,
                in.source(), in.url(), u.mission(), u.facts(), u.crew(), u.mentionedPeople());
        List<MissionUpdateData> updates = read.updates().stream().map(ofThisArticle).toList();
        List<MissionUpdateData> flights = read.flights().stream().map(ofThisArticle).toList();
        List<String> notes = new ArrayList<>(read.notes());
        if (!known) {
            notes.add("No publication date given or found; the ingest time counts as the publication time.");
        }
        NewArticle article = new NewArticle(articleId, hash, in.url(), title, in.source(),
                in.language() != null ? in.language() : read.language(), in.contentType(),
                publishedAt, known, in.publishedText() != null ? in.publishedText() : read.publishedText(),
                now, in.body(), read.text(), notes);
        try {
            IngestResult result = store.insert(article, updates, flights);
            ingested.increment();
            relay.wakeUp();
            return result;
        } catch (ArticleStore.AlreadyStoredException e) {
            // Lost a race with the same article arriving concurrently.
            duplicates.increment();
            return store.findDuplicate(hash, in.url()).orElseThrow(() -> new IllegalStateException("duplicate vanished", e));
        }
    }

    /** Same text with different whitespace or case is the same article. */
    static String contentHash(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
