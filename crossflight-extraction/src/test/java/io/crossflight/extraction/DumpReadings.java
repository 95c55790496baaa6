package io.crossflight.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Developer aid: prints what the engine reads from each corpus article and seed. Not a test. */
public final class DumpReadings {
    public static void main(String[] args) throws Exception {
        boolean gaz = args.length == 0 || !args[0].equals("nogaz");
        ArticleReader reader = new ArticleReader(Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC), gaz);
        InMemoryPersonDirectory dir = new InMemoryPersonDirectory();
        for (CorpusHarness.Art a : CorpusHarness.articles("/corpus/articles.jsonl")) {
            print(a.id(), reader.read(a.article(), dir));
        }
        for (String seed : new String[]{"000_fb0ee394c0ba0c6a.txt", "002_874878a65ba7efb4.txt"}) {
            String raw = new String(DumpReadings.class.getResourceAsStream("/seeds/" + seed).readAllBytes(), "UTF-8");
            print(seed, reader.read(Article.fromPlainText(raw), dir));
        }
    }

    static void print(String id, Reading r) {
        System.out.println("##### " + id + " lang=" + r.language() + " pub=" + r.publicationDate() + " notes=" + r.notes());
        for (MissionUpdate u : r.updates()) {
            System.out.println("  " + u.mission().id() + " | " + v(u.spacecraft()) + " | " + v(u.launchVehicle()) + " | "
                    + v(u.launchSite()) + " | " + v(u.destination()) + " | "
                    + (u.launchDate() == null ? null : u.launchDate().value() + "/" + u.launchDate().precision() + " '" + u.launchDate().text() + "'")
                    + " | " + v(u.status()));
            for (CrewAssignment c : u.crew()) {
                System.out.println("     " + c.assignment() + " " + c.person().id() + " (" + c.person().agency() + "," + c.person().role()
                        + ") pos=" + c.position() + " conf=" + c.confidence() + " aliases=" + c.person().aliases());
            }
        }
        for (CrewMember m : r.people()) {
            System.out.println("   person " + m.id() + " " + m.agency() + " " + m.nationality() + " " + m.role() + " " + m.aliases());
        }
    }

    static String v(Fact<?> f) {
        return f == null ? null : String.valueOf(f.value());
    }
}
