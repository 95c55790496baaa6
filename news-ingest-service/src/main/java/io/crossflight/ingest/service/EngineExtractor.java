package io.crossflight.ingest.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.LaunchDateFact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.PersonRef;
import io.crossflight.extraction.Article;
import io.crossflight.extraction.ArticleReader;
import io.crossflight.extraction.CrewAssignment;
import io.crossflight.extraction.CrewMember;
import io.crossflight.extraction.FlightAttribution;
import io.crossflight.extraction.InMemoryPersonDirectory;
import io.crossflight.extraction.LaunchDate;
import io.crossflight.extraction.Mission;
import io.crossflight.extraction.MissionUpdate;
import io.crossflight.extraction.Reading;
import io.crossflight.extraction.UnnamedFlight;
import io.crossflight.ingest.store.ArticleStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the plain-Java extraction engine and turns its reading into event data. The people
 * directory starts from everyone this service has stored, so identity learned from earlier
 * articles (and by other replicas, on the next refresh) decides who a new name is.
 */
@ApplicationScoped
public class EngineExtractor implements MissionExtractor {

    private final ArticleReader reader = new ArticleReader();
    private final InMemoryPersonDirectory directory = new InMemoryPersonDirectory();

    @Inject
    ArticleStore store;

    void loadPeople(@Observes StartupEvent ev) {
        refreshPeople();
    }

    @Scheduled(every = "${crossflight.ingest.people-refresh:30s}", delayed = "30s")
    void refreshPeople() {
        for (ArticleStore.KnownPerson p : store.people().values()) {
            List<String> aliases = p.aliases().stream().filter(a -> !a.equals(p.name())).toList();
            directory.remember(new CrewMember(p.id(), p.name(), aliases, p.agency(), p.nationality(), p.role()));
        }
    }

    @Override
    public Extraction extract(IncomingArticle in, Instant now) {
        Article article = "text/html".equals(in.contentType()) ? Article.fromHtml(in.body()) : Article.fromPlainText(in.body());
        if (in.publishedAt() != null) {
            // the publisher's calendar day, not UTC's: "tomorrow" in an evening article west of
            // Greenwich is the next day where it was written
            LocalDate day = Article.parseDate(in.publishedText());
            article = article.withPublishedAt(day != null ? day : in.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        article = new Article(null, in.title() != null ? in.title() : article.title(), article.body(), article.publishedAt(),
                in.language() != null ? in.language() : article.language());
        Reading reading = reader.read(article, directory, now.atOffset(ZoneOffset.UTC).toLocalDate());
        List<MissionUpdateData> updates = new ArrayList<>();
        for (MissionUpdate u : reading.updates()) {
            updates.add(toEvent(u));
        }
        Instant published = article.publishedAt() == null ? null : article.publishedAt().atStartOfDay().toInstant(ZoneOffset.UTC);
        List<MissionUpdateData> flights = new ArrayList<>();
        for (UnnamedFlight f : reading.unnamedFlights()) {
            // the mission stays open until FlightAttribution finds which one this flight is
            Mission open = new Mission("unnamed", "unnamed " + f.spacecraft() + " flight", List.of(), true);
            flights.add(toEvent(FlightAttribution.update(f, open)));
        }
        return new Extraction(reading.text(), reading.language(), published,
                article.publishedAt() == null ? null : article.publishedAt().toString(), article.title(), updates, reading.notes(),
                flights);
    }

    static MissionUpdateData toEvent(MissionUpdate u) {
        MissionRef mission = new MissionRef(u.mission().id(), u.mission().name(), u.mission().aliases(), u.mission().crewed());
        MissionFacts facts = new MissionFacts(fact(u.spacecraft()), fact(u.launchVehicle()), fact(u.launchSite()),
                fact(u.destination()), launchDate(u.launchDate()),
                u.status() == null ? null : new Fact(u.status().value().wireName(), u.status().evidence(), u.status().confidence()));
        List<CrewClaim> crew = u.crew().stream().map(EngineExtractor::claim).toList();
        List<PersonRef> mentioned = u.mentionedPeople().stream().map(EngineExtractor::person).toList();
        return new MissionUpdateData(null, null, false, null, null, null, mission, facts, crew, mentioned);
    }

    private static Fact fact(io.crossflight.extraction.Fact<String> f) {
        return f == null ? null : new Fact(f.value(), f.evidence(), f.confidence());
    }

    private static LaunchDateFact launchDate(LaunchDate d) {
        return d == null ? null : new LaunchDateFact(d.value(), d.precision().wireName(), d.season(), d.text(), d.evidence(), d.confidence());
    }

    private static CrewClaim claim(CrewAssignment a) {
        return new CrewClaim(person(a.person()), a.assignment().wireName(), a.position(), a.evidence(), a.confidence());
    }

    private static PersonRef person(CrewMember m) {
        return new PersonRef(m.id(), m.name(), m.aliases(), m.agency(), m.nationality(), m.role());
    }
}
