package io.crossflight.extraction.internal;

import io.crossflight.extraction.Article;
import io.crossflight.extraction.Assignment;
import io.crossflight.extraction.CrewAssignment;
import io.crossflight.extraction.CrewMember;
import io.crossflight.extraction.DatePrecision;
import io.crossflight.extraction.Fact;
import io.crossflight.extraction.InMemoryPersonDirectory;
import io.crossflight.extraction.LaunchDate;
import io.crossflight.extraction.Mission;
import io.crossflight.extraction.MissionStatus;
import io.crossflight.extraction.MissionUpdate;
import io.crossflight.extraction.PersonDirectory;
import io.crossflight.extraction.PersonNames;
import io.crossflight.extraction.Reading;
import io.crossflight.extraction.UnnamedFlight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one article: per-article state, discourse (which mission the text is about) and the rules. */
public final class Extractor {

    /** Shared, immutable resources built once. */
    public record Resources(Sentences sentences, Lexicon lexicon, MissionFinder missions, NameFinder names,
                            InMemoryPersonDirectory gazetteer) {
    }

    private record Cand<T>(T value, String evidence, double conf, int order) {
    }

    private static final class DateCand {
        Dates.Expr expr;
        Dates.Resolved resolved;
        Dates.TimeOfDay time;
        String evidence;
        double conf;
        boolean superseded;
        boolean strong;
        int order;
    }

    private record StatusCand(MissionStatus status, String evidence, double conf, boolean implied) {
    }

    private static final class CrewCand {
        Assignment assignment;
        String position;
        final List<String> evidence = new ArrayList<>();
        double conf;
    }

    private static final class MissionAcc {
        final MissionFinder.Ref ref;
        final List<Cand<String>> spacecraft = new ArrayList<>();
        final List<Cand<String>> vehicle = new ArrayList<>();
        final List<Cand<String>> site = new ArrayList<>();
        final List<Cand<String>> destination = new ArrayList<>();
        final List<DateCand> dates = new ArrayList<>();
        final List<StatusCand> statuses = new ArrayList<>();
        final Map<Person, CrewCand> crew = new LinkedHashMap<>();
        String firstEvidence;
        boolean title;

        MissionAcc(MissionFinder.Ref ref) {
            this.ref = ref;
        }
    }

    private record UnboundDate(LaunchDate date, int order) {
    }

    /** An unnamed flight, keyed by spacecraft: "that flight" twice in one article is one flight. */
    private static final class FlightAcc {
        final String craft;
        LaunchDate date;
        final Map<Person, CrewCand> crew = new LinkedHashMap<>();
        final List<String> evidence = new ArrayList<>();
        final List<String> craftEvidence = new ArrayList<>();

        FlightAcc(String craft) {
            this.craft = craft;
        }
    }

    private static final class Person {
        String id;
        String name;
        final Set<String> aliases = new LinkedHashSet<>();
        String agency;
        String nationality;
        String role;
        boolean known;
    }

    private static final Rx LANDING_SITE = Rx.compile("\\b(?:landing|splash\\w*|zone|back to)\\b", Pattern.CASE_INSENSITIVE);
    private static final Rx ROLE_RANK = Rx.compile("(?i)\\b(?:commander|pilot|senior|colonel|lieutenant|major|general|the|"
            + "astronauts?|cosmonauts?|taikonauts?|NASA|ESA|Roscosmos)\\b");
    private static final Rx AGENCY_POSSESSIVE = Rx.compile("\\b(?:NASA|ESA|JAXA|CSA|Roscosmos|UAE|CMSA)['’]s\\s*$");
    private static final Rx COMMANDED_BY_END = Rx.compile("(?i)commanded by\\s*$");

    private static final int MAX_ANALYSED = 200_000;
    /** A date in a sentence about a cargo ship is not a crewed flight's, named or not. */
    private static final Rx CARGO_SENTENCE = Rx.compile("\\b(?:[Cc]argo|[Rr]esupply|supply ship|freighter|Progress|Cygnus|Tianzhou|HTV)\\b|грузов");

    /** Sentences quoted per fact: enough to explain it, and bounded on pathological input. */
    private static final int MAX_EVIDENCE = 3;
    private static final Set<String> TRAVELLER_AGENCIES = Set.of("NASA", "Roscosmos", "ESA", "JAXA", "CSA", "CMSA", "CNSA",
            "MBRSC", "ISRO");
    private static final Map<String, String> AGENCY_NATION = Map.of("NASA", "US", "Roscosmos", "RU", "CMSA", "CN",
            "CNSA", "CN", "JAXA", "JP", "CSA", "CA", "MBRSC", "AE", "ISRO", "IN");
    private static final Map<String, String> NATIONALITIES = Map.ofEntries(
            Map.entry("american", "US"), Map.entry("us", "US"), Map.entry("u.s.", "US"), Map.entry("russian", "RU"),
            Map.entry("russia's", "RU"), Map.entry("chinese", "CN"), Map.entry("japanese", "JP"), Map.entry("italian", "IT"),
            Map.entry("turkish", "TR"), Map.entry("türkiye's", "TR"), Map.entry("swedish", "SE"), Map.entry("saudi", "SA"),
            Map.entry("emirati", "AE"), Map.entry("canadian", "CA"), Map.entry("german", "DE"), Map.entry("french", "FR"),
            Map.entry("british", "GB"), Map.entry("danish", "DK"), Map.entry("israeli", "IL"), Map.entry("indian", "IN"),
            Map.entry("polish", "PL"), Map.entry("hungarian", "HU"), Map.entry("belgian", "BE"), Map.entry("spanish", "ES"));
    private static final Rx NATION_NEAR = Rx.compile("(?i)\\b(American|US|U\\.S\\.|Russian|Russia's|Chinese|Japanese|Italian|Turkish|Türkiye's|Swedish|Saudi|Emirati|Canadian|German|French|British|Danish|Israeli|Indian|Polish|Hungarian|Belgian|Spanish)\\b");
    private static final Rx ROLE_WORD = Rx.compile("(?i)\\b(astronaut|cosmonaut|taikonaut)s?\\b|(астронавт|космонавт|тайконавт)");
    private static final Rx FULL_DATE = Rx.compile("\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2},\\s+(\\d{4})\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b");

    private final Resources res;
    private final Article article;
    private final PersonDirectory directory;
    private final LocalDate clockDate;

    private final List<String> notes = new ArrayList<>();
    private final Map<String, MissionAcc> missions = new LinkedHashMap<>();
    private final List<Person> people = new ArrayList<>();
    private final Set<String> officials = new HashSet<>();
    private final List<MissionFinder.Mention> allMentions = new ArrayList<>();
    private final Set<String> mentionedInPassing = new LinkedHashSet<>();
    private LocalDate pub;
    private boolean pubKnown;
    private MissionFinder.Ref discourse;
    private Person lastTraveller;
    private int order;
    /** The last launch date no named mission claimed: an unnamed flight in the next sentences may own it. */
    private UnboundDate unboundDate;
    private final Map<String, FlightAcc> unnamed = new LinkedHashMap<>();

    public Extractor(Resources res, Article article, PersonDirectory directory, LocalDate clockDate) {
        this.res = res;
        this.article = article;
        this.directory = directory == null ? PersonDirectory.none() : directory;
        this.clockDate = clockDate;
    }

    public Reading read() {
        String body = article.body();
        String title = article.title();
        LocalDate published = article.publishedAt();
        if (Article.looksLikeHtml(body)) {
            HtmlText.Page page = HtmlText.parse(body);
            body = page.text();
            title = title != null ? title : page.title();
            published = published != null ? published : Article.parseDate(page.published());
        } else if (published == null) {
            Article plain = Article.fromPlainText(body);
            body = plain.body();
            published = plain.publishedAt();
        }
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        int[] scripts = scripts(text);
        String language = scripts[1] > scripts[0] ? "ru" : scripts[0] > 0 ? "en"
                : article.language() != null ? article.language() : "en";
        boolean mixed = Math.min(scripts[0], scripts[1]) > 40;
        pubKnown = published != null;
        pub = published != null ? published : inferPublication(text);
        if (!pubKnown) {
            notes.add("no publication date: relative dates resolved against " + pub);
        }

        String analysed = text;
        if (text.length() > MAX_ANALYSED) {
            // news articles are a few KB; beyond this it is a dump, and only its start is read
            analysed = text.substring(0, MAX_ANALYSED);
            notes.add("text longer than " + MAX_ANALYSED + " characters: only the first " + MAX_ANALYSED + " were read");
        }
        List<Sentences.Sentence> sentences = res.sentences().split(analysed);
        // the title names the mission the article is about; otherwise the first one named
        if (title != null && !title.isBlank()) {
            for (MissionFinder.Mention m : res.missions().find(title, List.of())) {
                if (m.ref() != null) {
                    discourse = m.ref();
                    acc(m.ref()).title = true;
                    break;
                }
            }
        }
        if (discourse == null) {
            discourse = firstMission(sentences);
        }
        for (Sentences.Sentence s : sentences) {
            sentence(s.text());
        }
        return finish(language, mixed, text);
    }

    private MissionFinder.Ref firstMission(List<Sentences.Sentence> sentences) {
        List<MissionFinder.Mention> seen = new ArrayList<>();
        for (Sentences.Sentence s : sentences) {
            for (MissionFinder.Mention m : res.missions().find(s.text(), seen)) {
                seen.add(m);
                if (m.ref() != null && !historical(s.text(), m)) {
                    return m.ref();
                }
            }
        }
        return null;
    }

    private LocalDate inferPublication(String text) {
        LocalDate best = null;
        try (Rx.Finder m = FULL_DATE.open(text)) {
            while (m.find()) {
                for (Dates.Expr e : Dates.find(m.group())) {
                    Dates.Resolved r = Dates.resolve(e, clockDate, 0, null);
                    if (r != null && r.precision() == DatePrecision.DAY && !r.day().isAfter(clockDate)
                            && (best == null || r.day().isAfter(best))) {
                        best = r.day();
                    }
                }
            }
        }
        return best != null ? best : clockDate;
    }

    // ------------------------------------------------------------------ one sentence

    private void sentence(String s) {
        order++;
        // some twenty cue patterns run over this sentence: index it once for them
        Rx.focus(s);
        List<MissionFinder.Mention> mentions = res.missions().find(s, allMentions);
        allMentions.addAll(mentions);
        List<MissionFinder.Mention> live = new ArrayList<>();
        boolean expedition = false;
        for (MissionFinder.Mention m : mentions) {
            if (m.ref() == null) {
                expedition = true;
            } else if (historical(s, m)) {
                if (m.ref().crewed()) {
                    mentionedInPassing.add(m.ref().name());
                }
            } else {
                live.add(m);
                MissionAcc a = acc(m.ref());
                if (a.firstEvidence == null) {
                    a.firstEvidence = s;
                }
            }
        }
        List<Lexicon.Hit> hits = res.lexicon().find(s);
        Set<Family.Vehicle> vehicles = new HashSet<>();
        for (Lexicon.Hit h : hits) {
            if ((h.entry().kind() == Lexicon.Kind.SPACECRAFT || h.entry().kind() == Lexicon.Kind.VEHICLE) && h.entry().vehicle() != null) {
                vehicles.add(h.entry().vehicle());
            }
        }
        for (MissionFinder.Mention m : live) {
            vehicles.add(m.ref().family().vehicle);
        }
        MissionFinder.Ref fallback = null;
        if (live.isEmpty() && discourse != null
                && !(Cues.any(s, "flight", "mission", "launch") && Cues.OTHER_FLIGHT.in(s))
                && (vehicles.isEmpty() || vehicles.contains(discourse.family().vehicle))) {
            fallback = discourse;
        }
        boolean[] masked = new boolean[s.length()];
        for (MissionFinder.Mention m : mentions) {
            mask(masked, m.start(), m.end());
        }
        for (Lexicon.Hit h : hits) {
            mask(masked, h.start(), h.end());
        }

        facts(s, hits, mentions, fallback);
        // dates, statuses and people each look at the lower-cased sentence
        String lower = s.toLowerCase(Locale.ROOT);
        dates(s, lower, mentions, fallback);
        statuses(s, lower, mentions, live, fallback);
        // the spacecraft an unnamed flight in this sentence would use: only when the sentence names one
        String craft = null;
        for (Lexicon.Hit h : hits) {
            if (h.entry().kind() == Lexicon.Kind.SPACECRAFT) {
                if (craft != null && !craft.equals(h.entry().canonical())) {
                    craft = null;
                    break;
                }
                craft = h.entry().canonical();
            }
        }
        people(s, lower, masked, mentions, live, fallback, expedition, craft);

        for (int i = live.size() - 1; i >= 0; i--) {
            MissionFinder.Mention m = live.get(i);
            // a cargo ship or test flight in passing ("a test of NASA's Artemis I Moon rocket") does not change the subject
            if (m.ref().crewed() || m.start() < 40) {
                discourse = m.ref();
                break;
            }
        }
    }

    /** historical() is asked about the same mention for every fact, date and status of its sentence. */
    private final List<MissionFinder.Mention> historicalAsked = new ArrayList<>();
    private final List<Boolean> historicalAnswer = new ArrayList<>();
    private String historicalSentence;

    private boolean historical(String s, MissionFinder.Mention m) {
        if (s != historicalSentence) {
            historicalAsked.clear();
            historicalAnswer.clear();
            historicalSentence = s;
        }
        for (int i = 0; i < historicalAsked.size(); i++) {
            if (historicalAsked.get(i) == m) {
                return historicalAnswer.get(i);
            }
        }
        boolean answer = computeHistorical(s, m);
        historicalAsked.add(m);
        historicalAnswer.add(answer);
        return answer;
    }

    private boolean computeHistorical(String s, MissionFinder.Mention m) {
        String before = s.substring(Math.max(0, m.start() - 45), m.start());
        if (Cues.any(before.toLowerCase(Locale.ROOT), "flew", "flown", "veteran", "before", "led", "already", "previous",
                "earlier", "commanded", "piloted", "served", "was on") && Cues.HISTORY_BEFORE.in(before)) {
            return true;
        }
        // HISTORY_YEAR_AFTER needs a year 19xx or 20xx after the mention
        if (!hasYear(s, m.end())) {
            return false;
        }
        try (Rx.Finder y = Cues.HISTORY_YEAR_AFTER.open(s.substring(m.end()))) {
            return y.find() && Integer.parseInt(y.group(1)) < pub.getYear();
        }
    }

    /** Whether s from {@code from} holds "19dd" or "20dd" (ASCII digits, as the pattern's \d). */
    private static boolean hasYear(String s, int from) {
        for (int i = from; i + 3 < s.length(); i++) {
            char a = s.charAt(i);
            char b = s.charAt(i + 1);
            if (((a == '1' && b == '9') || (a == '2' && b == '0')) && digit(s.charAt(i + 2)) && digit(s.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The mission a span of the sentence is about: nearest mention before it, else after, else the fallback. */
    private MissionFinder.Mention nearest(List<MissionFinder.Mention> mentions, int at) {
        MissionFinder.Mention before = null;
        MissionFinder.Mention after = null;
        for (MissionFinder.Mention m : mentions) {
            if (m.ref() == null) {
                continue;
            }
            if (m.end() <= at) {
                before = m;
            } else if (after == null && m.start() >= at) {
                after = m;
            }
        }
        return before != null ? before : after;
    }

    private MissionFinder.Ref target(String s, List<MissionFinder.Mention> mentions, int at, MissionFinder.Ref fallback) {
        MissionFinder.Mention before = null;
        MissionFinder.Mention after = null;
        for (MissionFinder.Mention m : mentions) {
            if (m.ref() == null) {
                continue;
            }
            if (m.end() <= at) {
                before = m;
            } else if (after == null && m.start() >= at) {
                after = m;
            }
        }
        if (before != null) {
            return historical(s, before) ? null : before.ref();
        }
        if (after != null) {
            if (!historical(s, after)) {
                return after.ref();
            }
            // the next name is about the past: close by, the span belongs to it; far off, to the subject
            return after.start() - at <= 60 ? null : fallback;
        }
        return fallback;
    }

    // ------------------------------------------------------------------ vehicle, spacecraft, site, destination

    private void facts(String s, List<Lexicon.Hit> hits, List<MissionFinder.Mention> mentions, MissionFinder.Ref fallback) {
        boolean launchy = false;
        for (Lexicon.Hit h : hits) {
            if (h.entry().kind() == Lexicon.Kind.SITE) {
                launchy = Cues.LAUNCH_EVENT.in(s);
                break;
            }
        }
        for (Lexicon.Hit h : hits) {
            Lexicon.Kind kind = h.entry().kind();
            if (kind == Lexicon.Kind.AGENCY || kind == Lexicon.Kind.COMPANY) {
                continue;
            }
            MissionFinder.Ref t = target(s, mentions, h.start(), fallback);
            if (t == null || !t.crewed()) {
                continue;
            }
            MissionAcc a = acc(t);
            boolean explicit = t != fallback;
            double conf = explicit ? 0.9 : 0.75;
            String v = h.entry().canonical();
            switch (kind) {
                case VEHICLE -> {
                    if (h.entry().vehicle() == t.family().vehicle) {
                        a.vehicle.add(new Cand<>(v, s, conf, order));
                    }
                }
                case SPACECRAFT -> {
                    if (h.entry().vehicle() == t.family().vehicle) {
                        a.spacecraft.add(new Cand<>(t.family().spacecraft, s, conf, order));
                    }
                }
                case SITE -> {
                    if (siteFits(v, t.family())) {
                        String before = s.substring(Math.max(0, h.start() - 30), h.start()).toLowerCase(Locale.ROOT);
                        double c = launchy || before.contains("from") ? conf : conf - 0.2;
                        if (LANDING_SITE.in(before)) {
                            continue;
                        }
                        a.site.add(new Cand<>(v, s, c, order));
                    }
                }
                case DESTINATION -> {
                    if (destinationFits(v, t.family())) {
                        a.destination.add(new Cand<>(v, s, conf, order));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static boolean siteFits(String site, Family f) {
        return switch (f.vehicle) {
            case SOYUZ, PROGRESS -> site.equals("Baikonur Cosmodrome") || site.equals("Vostochny Cosmodrome");
            case SHENZHOU, TIANZHOU -> site.startsWith("Jiuquan") || site.startsWith("Wenchang");
            case DRAGON, STARLINER, ORION, CARGO -> site.equals("Kennedy Space Center") || site.startsWith("Cape Canaveral")
                    || site.startsWith("Vandenberg");
        };
    }

    private static boolean destinationFits(String dest, Family f) {
        return switch (f.vehicle) {
            case SHENZHOU, TIANZHOU -> dest.equals("Tiangong");
            case ORION -> dest.equals("Moon");
            default -> dest.equals("ISS");
        };
    }

    // ------------------------------------------------------------------ launch dates

    private void dates(String s, String lower, List<MissionFinder.Mention> mentions, MissionFinder.Ref fallback) {
        List<Dates.Expr> exprs = Dates.find(s, lower);
        if (exprs.isEmpty()) {
            return;
        }
        boolean scrubSentence = Cues.SCRUB.in(s);
        Integer yearContext = null;
        int prevEnd = 0;
        boolean prevLaunch = false;
        boolean named = mentions.stream().anyMatch(m -> m.ref() != null);
        for (int i = 0; i < exprs.size(); i++) {
            Dates.Expr e = exprs.get(i);
            MissionFinder.Ref early = target(s, mentions, e.start(), fallback);
            if (named && (early == null || !early.crewed()) && !(prevLaunch && i + 1 < exprs.size())) {
                // nothing this date could belong to: skip the cue analysis
                if (e.year() != null && e.month() == null) {
                    yearContext = e.year();
                }
                prevEnd = e.end();
                prevLaunch = false;
                continue;
            }
            int clauseStart = Math.max(prevEnd, Math.max(s.lastIndexOf(';', e.start()) + 1, e.start() - 90));
            String before = s.substring(Math.min(clauseStart, e.start()), e.start());
            int nextStart = i + 1 < exprs.size() ? exprs.get(i + 1).start() : s.length();
            String after = s.substring(e.end(), Math.min(nextStart, Math.min(s.length(), e.end() + 45)));
            if (e.start() < 60 && Cues.DATELINE_AFTER.in(s.substring(e.end()))) {
                prevEnd = e.end();
                continue;
            }
            Boolean launch = eventBefore(before);
            if (launch == null && Cues.NEUTRAL_EVENT.in(before)) {
                launch = Boolean.TRUE;
            }
            if (launch == null && prevLaunch && e.start() - prevEnd <= 12) {
                // "late 2027, around September": a refinement of the date just given
                launch = Boolean.TRUE;
            }
            if (launch == null) {
                launch = eventAfter(after);
            }
            prevLaunch = Boolean.TRUE.equals(launch);
            int tense = tense(before, s.substring(e.end(), Math.min(s.length(), e.end() + 30)));
            Dates.Resolved r = Dates.resolve(e, pub, tense, e.year() == null ? yearContext : null);
            if (e.year() != null && e.month() == null) {
                yearContext = e.year();
            }
            prevEnd = e.end();
            if (r == null || !Boolean.TRUE.equals(launch)) {
                continue;
            }
            MissionFinder.Ref t = target(s, mentions, e.start(), fallback);
            if (t == null && mentions.stream().noneMatch(m -> m.ref() != null) && !CARGO_SENTENCE.in(s)) {
                unboundDate = new UnboundDate(new LaunchDate(r.value(), r.precision(), r.season(), e.text().strip(), List.of(s), 0.6), order);
            }
            if (t == null || !t.crewed()) {
                continue;
            }
            DateCand c = new DateCand();
            c.expr = e;
            c.resolved = r;
            c.time = Dates.timeNear(s, e.start(), e.end());
            c.evidence = s;
            c.conf = t == fallback ? 0.7 : 0.85;
            c.superseded = Cues.SUPERSEDED.in(before) || scrubSentence;
            c.strong = Cues.STRONG_DATE.in(before);
            c.order = order;
            acc(t).dates.add(c);
        }
    }

    /** TRUE: the nearest event word before the date is a launch; FALSE: another event; null: none. */
    private static Boolean eventBefore(String before) {
        int launchAt = Cues.LAUNCH_EVENT.lastStart(before);
        int otherAt = Cues.OTHER_EVENT.lastStart(before);
        if (launchAt < 0 && otherAt < 0) {
            return null;
        }
        return launchAt > otherAt;
    }

    private static Boolean eventAfter(String after) {
        int la = Cues.LAUNCH_EVENT.firstStart(after);
        int oa = Cues.OTHER_EVENT.firstStart(after);
        la = la < 0 ? Integer.MAX_VALUE : la;
        oa = oa < 0 ? Integer.MAX_VALUE : oa;
        if (la == Integer.MAX_VALUE && oa == Integer.MAX_VALUE) {
            return null;
        }
        return la < oa;
    }

    private static int tense(String before, String after) {
        int f = Cues.FUTURE.lastStart(before);
        int p = Cues.PAST.lastStart(before);
        if (f >= 0 || p >= 0) {
            return f > p ? 1 : -1;
        }
        int fi = Cues.FUTURE.firstStart(after);
        int pi = Cues.PAST.firstStart(after);
        fi = fi < 0 ? Integer.MAX_VALUE : fi;
        pi = pi < 0 ? Integer.MAX_VALUE : pi;
        if (fi == pi) {
            return 0;
        }
        return fi < pi ? 1 : -1;
    }

    // ------------------------------------------------------------------ statuses

    private void statuses(String s, String lower, List<MissionFinder.Mention> mentions, List<MissionFinder.Mention> live,
                          MissionFinder.Ref fallback) {
        MissionFinder.Ref fb = null;
        boolean spaceyChecked = false;
        for (Cues.StatusCue cue : Cues.STATUS) {
            if (lower.length() == s.length() && !Cues.any(lower, cue.triggers())) {
                continue;
            }
            try (Rx.Finder m = cue.pattern().open(s)) {
                while (m.find()) {
                    if (cue.guarded() && Cues.STATUS_GUARD.in(s.substring(Math.max(0, m.start() - 50), m.start()))) {
                        continue;
                    }
                    MissionFinder.Ref t;
                    MissionFinder.Mention next = nextMention(mentions, m.end(), 25);
                    if (cue.impliedDocked() && next != null) {
                        t = historical(s, next) ? null : next.ref();
                    } else {
                        if (!spaceyChecked && fallback != null) {
                            // "Russia launched an attack": a bare verb binds to the subject only in a sentence about spaceflight
                            fb = Cues.SPACEY.in(s) ? fallback : null;
                            spaceyChecked = true;
                        }
                        t = target(s, mentions, m.start(), fb);
                    }
                    if (t == null || !t.crewed()) {
                        continue;
                    }
                    acc(t).statuses.add(new StatusCand(cue.status(), s, t == fb ? 0.7 : 0.85, cue.impliedDocked()));
                }
            }
        }
    }

    private static MissionFinder.Mention nextMention(List<MissionFinder.Mention> mentions, int at, int within) {
        for (MissionFinder.Mention m : mentions) {
            if (m.ref() != null && m.start() >= at && m.start() - at <= within) {
                return m;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ people and crew

    private record Named(NameFinder.Span span, Person person, boolean traveller) {
    }

    private void people(String s, String lower, boolean[] masked, List<MissionFinder.Mention> mentions, List<MissionFinder.Mention> live,
                        MissionFinder.Ref fallback, boolean expedition, String craft) {
        List<NameFinder.Span> spans = new ArrayList<>(res.names().find(s, masked));
        Person pronoun = null;
        if (lastTraveller != null && Cues.PRONOUN_START.in(s)) {
            pronoun = lastTraveller;
        }
        if (spans.isEmpty() && pronoun == null && lastTraveller == null) {
            return;
        }
        Person replacedPronoun = null;
        int replacedAt = -1;
        if (lastTraveller != null && Cues.any(lower, "вмест", "instead", "place of", "replac")
                && (replacedAt = Cues.REPLACE_PRONOUN.firstStart(s)) >= 0) {
            replacedPronoun = lastTraveller;
        }
        // first pass: who is who
        List<Named> named = new ArrayList<>();
        for (NameFinder.Span sp : spans) {
            named.add(classify(s, sp));
        }
        // list propagation: "NASA astronauts A, B and C", "A and B are the two cosmonauts"
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < named.size(); i++) {
                Named n = named.get(i);
                if (n.traveller() || n.span().single()) {
                    continue;
                }
                Named prev = i > 0 ? named.get(i - 1) : null;
                Named next = i + 1 < named.size() ? named.get(i + 1) : null;
                boolean joined = (prev != null && prev.traveller() && connector(s.substring(prev.span().end(), n.span().start())))
                        || (next != null && next.traveller() && connector(s.substring(n.span().end(), next.span().start())));
                boolean official = official(s, n.span());
                if (!joined && !official && explicitMission(s, n.span(), named, mentions) != null) {
                    joined = true;
                }
                if (joined && !official) {
                    named.set(i, new Named(n.span(), newPerson(n.span()), true));
                }
            }
        }
        // agencies, nationalities and roles from the words around each name, shared along a list
        String carriedAgency = null;
        for (int i = 0; i < named.size(); i++) {
            Named n = named.get(i);
            if (!n.traveller()) {
                carriedAgency = null;
                continue;
            }
            String gap = i > 0 ? s.substring(named.get(i - 1).span().end(), n.span().start()) : "";
            if (i > 0 && !connector(gap)) {
                carriedAgency = null;
            }
            String prefixAgency = agencyBefore(s, n.span());
            String agency = prefixAgency;
            if (agency == null) {
                agency = agencyAfter(s, n.span());
            }
            if (agency == null) {
                agency = carriedAgency;
            }
            if (agency == null) {
                for (int k = i + 1; k < named.size(); k++) {
                    if (!connector(s.substring(named.get(k - 1).span().end(), named.get(k).span().start()))) {
                        break;
                    }
                    String after = agencyAfter(s, named.get(k).span());
                    if (after != null) {
                        agency = after;
                        break;
                    }
                    if (agencyBefore(s, named.get(k).span()) != null) {
                        break;
                    }
                }
            }
            carriedAgency = prefixAgency != null ? prefixAgency : carriedAgency;
            Person p = n.person();
            if (p.agency == null && agency != null) {
                p.agency = agency;
            }
            if (p.nationality == null) {
                p.nationality = nationality(s, n.span(), p.agency);
            }
            if (p.role == null) {
                p.role = roleNear(s, n.span());
            }
            // today only Roscosmos flies cosmonauts and only CMSA taikonauts
            if (p.agency == null && "cosmonaut".equals(p.role)) {
                p.agency = "Roscosmos";
            } else if (p.agency == null && "taikonaut".equals(p.role)) {
                p.agency = "CMSA";
            }
        }

        List<Named> travellers = new ArrayList<>();
        for (Named n : named) {
            if (n.traveller()) {
                travellers.add(n);
            }
        }
        if (pronoun != null) {
            NameFinder.Span ps = new NameFinder.Span(0, Math.max(1, s.indexOf(' ')), pronoun.name, List.of(), null, null, false);
            travellers.add(0, new Named(ps, pronoun, true));
        }
        if (travellers.isEmpty() && replacedPronoun == null) {
            return;
        }
        boolean crewCue = Cues.CREW_CUE.in(s);
        boolean notCrew = expedition || Cues.NOT_CREW.in(s);
        boolean backup = Cues.any(lower, "back", "understudy", "reserve", "дубл") && Cues.BACKUP.in(s);
        MissionFinder.Ref sentenceTarget = null;
        if (replacedPronoun != null) {
            MissionFinder.Mention m = nearest(mentions, replacedAt);
            sentenceTarget = m != null ? (historical(s, m) ? null : m.ref()) : fallback;
            if (sentenceTarget != null && sentenceTarget.crewed()) {
                assign(sentenceTarget, replacedPronoun, Assignment.REMOVED, null, s, 0.8);
            }
        }
        for (Named n : travellers) {
            Person p = n.person();
            NameFinder.Span sp = n.span();
            String before = s.substring(0, sp.start());
            String after = s.substring(sp.end());
            MissionFinder.Ref explicit = explicitMission(s, sp, named, mentions);
            Assignment kind = backup ? Assignment.BACKUP : Assignment.PRIME;
            if (Cues.REPLACE_NAME_AFTER.in(before.substring(Math.max(0, before.length() - 30)))
                    || Cues.REPLACED_BY_AFTER.in(after)) {
                kind = Assignment.REMOVED;
            }
            String position = position(s, sp);
            MissionFinder.Ref t = null;
            double conf = 0;
            if (explicit != null) {
                t = explicit;
                conf = 0.9;
            } else if (!notCrew) {
                if (!live.isEmpty()) {
                    MissionFinder.Mention m = nearest(mentions, sp.start());
                    if (m != null && !historical(s, m) && (crewCue || ROLE_WORD.in(s))) {
                        t = m.ref();
                        conf = crewCue ? 0.8 : 0.65;
                    }
                } else if (fallback != null && crewCue) {
                    t = fallback;
                    conf = 0.7;
                }
            }
            if (t != null && t.crewed()) {
                assign(t, p, kind, position, s, conf);
            } else if (t == null && explicit == null && !notCrew && crewCue && live.isEmpty() && craft != null) {
                // "will be on that flight": a flight the article never names cannot get an id here;
                // it is kept so the ingest side can attribute it once a named mission fits
                unnamedFlight(craft, p, kind, position, s);
            }
            lastTraveller = p;
        }
        if (!travellers.isEmpty()) {
            lastTraveller = travellers.get(travellers.size() - 1).person();
        }
    }

    private void unnamedFlight(String craft, Person p, Assignment kind, String position, String s) {
        FlightAcc f = unnamed.computeIfAbsent(craft, FlightAcc::new);
        // a date only counts for the flight when it came a few sentences before
        if (f.date == null && unboundDate != null && order - unboundDate.order() <= 3) {
            f.date = unboundDate.date();
            addEvidence(f.evidence, unboundDate.date().evidence().get(0));
        }
        addEvidence(f.evidence, s);
        addEvidence(f.craftEvidence, s);
        CrewCand c = f.crew.computeIfAbsent(p, k -> new CrewCand());
        if (c.assignment == null || kind.ordinal() > c.assignment.ordinal()) {
            c.assignment = kind;
        }
        c.conf = Math.max(c.conf, 0.7);
        if (c.position == null) {
            c.position = position;
        }
        addEvidence(c.evidence, s);
        notes.add(p.name + ": crew of an unnamed " + craft + " flight"
                + (f.date != null ? " '" + f.date.text() + "' (" + f.date.value() + (f.date.season() != null ? " " + f.date.season() : "") + ")" : "")
                + ", kept for attribution to a named mission");
    }

    private static void addEvidence(List<String> evidence, String s) {
        if (evidence.size() < MAX_EVIDENCE && !evidence.contains(s)) {
            evidence.add(s);
        }
    }

    private void assign(MissionFinder.Ref t, Person p, Assignment kind, String position, String evidence, double conf) {
        MissionAcc a = acc(t);
        CrewCand c = a.crew.get(p);
        if (c == null) {
            c = new CrewCand();
            c.assignment = kind;
            c.conf = conf;
            a.crew.put(p, c);
        } else if (kind.ordinal() > c.assignment.ordinal()) {
            // within one article an explicit backup or removal outranks a plain mention as crew
            c.assignment = kind;
        }
        c.conf = Math.max(c.conf, conf);
        if (c.position == null) {
            c.position = position;
        }
        if (c.evidence.size() < MAX_EVIDENCE && !c.evidence.contains(evidence)) {
            c.evidence.add(evidence);
        }
        if (t.family().privateFlight && p.role == null && p.agency == null) {
            p.role = "private astronaut";
        }
        if (t.family().crewAgency != null && p.agency == null && !p.known) {
            p.agency = t.family().crewAgency;
            p.nationality = p.nationality == null ? AGENCY_NATION.get(p.agency) : p.nationality;
        }
    }

    /** Mission named by the construction around the name: "Shenzhou-14 crew of A, B and C", "commanded by X", "X, whose M". */
    private MissionFinder.Ref explicitMission(String s, NameFinder.Span sp, List<Named> named, List<MissionFinder.Mention> mentions) {
        // start of the list this name belongs to
        int listStart = sp.start();
        for (int i = named.size() - 1; i >= 0; i--) {
            Named n = named.get(i);
            if (n.span().start() >= sp.start()) {
                continue;
            }
            if (connector(s.substring(n.span().end(), listStart))) {
                listStart = n.span().start();
            } else {
                break;
            }
        }
        int listEnd = sp.end();
        for (Named n : named) {
            if (n.span().start() >= listEnd && connector(s.substring(listEnd, n.span().start()))) {
                listEnd = n.span().end();
            }
        }
        for (int i = mentions.size() - 1; i >= 0; i--) {
            MissionFinder.Mention m = mentions.get(i);
            if (m.ref() == null || m.end() > listStart) {
                continue;
            }
            String gap = s.substring(m.end(), listStart);
            String core = stripConnectors(gap);
            if (Cues.EXPLICIT_CREW_OF.matches(core) || Cues.COMMANDED_BY.matches(gap)) {
                return historical(s, m) ? null : m.ref();
            }
            break;
        }
        String tail = s.substring(listEnd);
        for (MissionFinder.Mention m : mentions) {
            if (m.ref() == null || m.start() < listEnd || m.start() - listEnd > 40) {
                continue;
            }
            String gap = s.substring(listEnd, m.start());
            if (Cues.WHOSE.matches(gap) || Cues.WILL_COMMAND.matches(gap) || Cues.FLY_ON.matches(gap)) {
                return historical(s, m) ? null : m.ref();
            }
        }
        return tail.isEmpty() ? null : null;
    }

    private static final Set<String> CONNECTOR_WORDS = Set.copyOf(List.of("and", "plus", "и", "as", "well", "along", "together", "with",
            "the", "fellow", "nasa", "esa", "jaxa", "csa", "roscosmos", "uae", "cmsa", "astronaut", "astronauts", "cosmonaut",
            "cosmonauts", "taikonaut", "taikonauts", "commander", "pilot", "mission", "specialist", "specialists", "flight",
            "engineer", "engineers", "payload", "colonel", "lieutenant", "major", "general", "senior", "professor", "dr",
            "of", "two", "three", "four", "rookies", "rookie", "newcomer", "european", "space", "agency", "canadian",
            "japanese", "russian", "american", "us", "a", "an", "captain", "s", "nasa's", "esa's", "uae's", "roscosmos's",
            "астронавт", "астронавты", "космонавт", "космонавты", "астронавта", "космонавта"));

    /** True when the text between two names only continues a list ("NASA's A, B and the UAE's C"). */
    private static boolean connector(String gap) {
        if (gap.length() > 80) {
            return false;
        }
        // the words between runs of [\s,;:\-–—()"“”] (split by hand: it runs for every pair of names)
        int n = gap.length();
        int i = 0;
        while (i < n) {
            while (i < n && gapDelimiter(gap.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !gapDelimiter(gap.charAt(i))) {
                i++;
            }
            if (i > start && !CONNECTOR_WORDS.contains(gap.substring(start, i).toLowerCase(Locale.ROOT).replace("’", "'"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean gapDelimiter(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', ',', ';', ':', '-', '–', '—', '(', ')', '"', '“', '”' -> true;
            default -> false;
        };
    }

    /** {@code p.matcher(s).replaceAll("")}. */
    private static String removeAll(Rx p, String s) {
        try (Rx.Finder m = p.open(s)) {
            if (!m.find()) {
                return s;
            }
            StringBuilder sb = new StringBuilder(s.length());
            int at = 0;
            do {
                sb.append(s, at, m.start());
                at = m.end();
            } while (m.find());
            return sb.append(s, at, s.length()).toString();
        }
    }

    /** {@code s.replaceAll("\\s+", " ")}: each run of [ \t\n\x0B\f\r] becomes one space. */
    static String collapseSpaces(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !(space(s.charAt(i)) && (s.charAt(i) != ' ' || i + 1 < n && space(s.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return s; // no run to change: single spaces only
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (space(c)) {
                sb.append(' ');
                while (i < n && space(s.charAt(i))) {
                    i++;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String stripConnectors(String gap) {
        // "crew - commander Senior Colonel": role and rank words before the first name do not break the construction
        return collapseSpaces(removeAll(ROLE_RANK, gap));
    }

    private Named classify(String s, NameFinder.Span sp) {
        String surface = sp.surface();
        if (sp.single()) {
            Person p = findLocal(surface, true);
            return new Named(sp, p, p != null);
        }
        String latin = latinName(surface);
        // the checks below have no side effects: each is made only when its answer is needed
        if (official(s, sp) && !strongTravellerPrefix(s, sp)) {
            officials.add(PersonNames.surnameKey(latin));
            return new Named(sp, null, false);
        }
        Person local = findLocal(latin, false);
        if (local == null) {
            local = findByTail(latin);
        }
        if (local != null) {
            addAliases(local, sp, latin);
            return new Named(sp, local, true);
        }
        CrewMember known = known(latin);
        if (known != null) {
            Person p = fromKnown(known);
            addAliases(p, sp, latin);
            return new Named(sp, p, true);
        }
        if (travellerCue(s, sp)) {
            return new Named(sp, newPerson(sp), true);
        }
        return new Named(sp, null, false);
    }

    private boolean official(String s, NameFinder.Span sp) {
        for (String w : sp.prefix()) {
            if (Cues.OFFICIAL_WORDS.contains(w)) {
                return true;
            }
        }
        String before = s.substring(Math.max(0, sp.start() - 60), sp.start());
        if (Cues.any(before.toLowerCase(Locale.ROOT), OFFICIAL_KEYS) && Cues.OFFICIAL_BEFORE.in(before)) {
            return true;
        }
        String tail = s.substring(sp.end(), Math.min(s.length(), sp.end() + 90));
        if (!tail.startsWith(",") && !tail.startsWith(" ,")) {
            return false;
        }
        try (Rx.Finder after = Cues.OFFICIAL_AFTER.open(tail)) {
            // "X, the former NASA astronaut and Axiom's chief astronaut" is a traveller, not an official
            return after.find() && !ROLE_WORD.in(after.group());
        }
    }

    private static boolean strongTravellerPrefix(String s, NameFinder.Span sp) {
        String before = s.substring(Math.max(0, sp.start() - 60), sp.start());
        return Cues.any(before.toLowerCase(Locale.ROOT), TRAVELLER_KEYS) && Cues.TRAVELLER_BEFORE.in(before);
    }

    private static final String[] OFFICIAL_KEYS = {"admin", "direct", "chief", "spokes", "manag", "minist", "presid",
            "secretar", "execut", "ceo", "comment", "official", "head", "chairm", "found", "govern", "senat", "photograph",
            "teacher", "report", "analyst", "engineer", "filmmak", "actr", "actor", "journal", "expert", "директор", "глав",
            "руковод", "министр", "президент", "представ"};
    private static final String[] TRAVELLER_KEYS = {"naut", "command", "pilot", "specialist", "engineer", "crew", "backup",
            "rookie", "newcomer", "participant", "tourist", "team", "trio", "quartet", "led by", "replac", "астронавт",
            "космонавт", "тайконавт", "командир", "бортинженер"};

    private static boolean travellerCue(String s, NameFinder.Span sp) {
        if (strongTravellerPrefix(s, sp) || sp.han() != null) {
            return true;
        }
        for (String w : sp.prefix()) {
            if (w.startsWith("astronaut") || w.startsWith("cosmonaut") || w.startsWith("taikonaut") || w.equals("commander")
                    || w.equals("pilot") || w.startsWith("астронавт") || w.startsWith("космонавт")) {
                return true;
            }
        }
        String after = s.substring(sp.end(), Math.min(s.length(), sp.end() + 120));
        if (Cues.TRAVELLER_AFTER.in(after)) {
            return true;
        }
        String before = s.substring(Math.max(0, sp.start() - 12), sp.start());
        return AGENCY_POSSESSIVE.in(before);
    }

    private String latinName(String surface) {
        boolean cyr = false;
        for (int i = 0; i < surface.length() && !cyr; i++) {
            char c = surface.charAt(i);
            cyr = c >= 0x0400 && c <= 0x04FF;
        }
        return cyr ? PersonNames.toLatin(RussianNames.nominative(surface)) : surface;
    }

    private Person findLocal(String name, boolean surnameOnly) {
        if (surnameOnly) {
            String key = PersonNames.surnameKey(latinName(name));
            if (key.isEmpty() || officials.contains(key)) {
                return null;
            }
            for (int i = people.size() - 1; i >= 0; i--) {
                Person p = people.get(i);
                if (PersonNames.lookupKeys(p.name).contains(key)) {
                    return p;
                }
                for (String a : p.aliases) {
                    if (PersonNames.lookupKeys(a).contains(key)) {
                        return p;
                    }
                }
            }
            return null;
        }
        Person best = null;
        double bestScore = 0.85;
        for (Person p : people) {
            double sc = PersonNames.match(name, p.name);
            for (String a : p.aliases) {
                sc = Math.max(sc, PersonNames.match(name, a));
            }
            if (sc >= bestScore) {
                best = p;
                bestScore = sc;
            }
        }
        return best;
    }

    /** "Vande Hei" after "Mark Vande Hei": the words of a name already seen, minus its first name. */
    private Person findByTail(String latin) {
        List<String> t = PersonNames.tokens(latin);
        for (int i = people.size() - 1; i >= 0; i--) {
            Person p = people.get(i);
            List<String> full = PersonNames.tokens(p.name);
            if (full.size() > t.size() && full.subList(full.size() - t.size(), full.size()).equals(t)) {
                return p;
            }
        }
        return null;
    }

    /** The caller's directory first (it owns identity), then the built-in gazetteer of well-known travellers. */
    private CrewMember known(String latin) {
        CrewMember best = bestMatch(latin, directory);
        return best != null ? best : bestMatch(latin, res.gazetteer());
    }

    private static CrewMember bestMatch(String latin, PersonDirectory dir) {
        CrewMember best = null;
        double bestScore = 0.85;
        Set<String> seen = new HashSet<>();
        for (String key : PersonNames.lookupKeys(latin)) {
            Collection<CrewMember> cands = dir.candidates(key);
            for (CrewMember c : cands) {
                if (!seen.add(c.id())) {
                    continue;
                }
                double sc = PersonNames.match(latin, c.name());
                for (String a : c.aliases()) {
                    sc = Math.max(sc, PersonNames.match(latin, PersonNames.toLatin(a)));
                }
                if (sc >= bestScore) {
                    best = c;
                    bestScore = sc;
                }
            }
        }
        return best;
    }

    private Person fromKnown(CrewMember k) {
        for (Person p : people) {
            if (p.id.equals(k.id())) {
                return p;
            }
        }
        Person p = new Person();
        p.id = k.id();
        p.name = k.name();
        p.aliases.addAll(k.aliases());
        p.agency = k.agency();
        p.nationality = k.nationality();
        p.role = k.role();
        p.known = true;
        people.add(p);
        return p;
    }

    private Person newPerson(NameFinder.Span sp) {
        String latin = latinName(sp.surface());
        Person local = findLocal(latin, false);
        if (local != null) {
            addAliases(local, sp, latin);
            return local;
        }
        CrewMember known = known(latin);
        if (known != null) {
            Person p = fromKnown(known);
            addAliases(p, sp, latin);
            return p;
        }
        Person p = new Person();
        // a name in Chinese characters beside the Latin one gives the standard pinyin spelling
        p.name = sp.han() != null ? PersonNames.toLatin(sp.han()) : canonicalLatin(latin);
        p.id = PersonNames.slug(p.name);
        addAliases(p, sp, latin);
        people.add(p);
        return p;
    }

    private static String canonicalLatin(String latin) {
        return collapseSpaces(latin).trim();
    }

    private void addAliases(Person p, NameFinder.Span sp, String latin) {
        String surface = collapseSpaces(sp.surface()).trim();
        boolean cyr = !latin.equals(surface);
        if (cyr) {
            p.aliases.add(RussianNames.nominative(surface));
        } else {
            p.aliases.add(surface);
        }
        if (sp.nickname() != null) {
            String[] parts = surface.split(" ");
            p.aliases.add(parts[0] + " \"" + sp.nickname() + "\" " + String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length)));
            p.aliases.add(sp.nickname() + " " + parts[parts.length - 1]);
        }
        if (sp.han() != null) {
            p.aliases.add(sp.han());
            p.aliases.add(PersonNames.toLatin(sp.han()));
        }
        p.aliases.remove(p.name);
    }

    private static String agencyBefore(String s, NameFinder.Span sp) {
        for (String w : sp.prefix()) {
            String a = agencyWord(w);
            if (a != null) {
                return a;
            }
        }
        String before = s.substring(Math.max(0, sp.start() - 40), sp.start());
        try (Rx.Finder m = AGENCY_BEFORE.open(before)) {
            if (m.find()) {
                return agencyWord(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return null;
    }

    private static String agencyAfter(String s, NameFinder.Span sp) {
        String after = s.substring(sp.end(), Math.min(s.length(), sp.end() + 60));
        try (Rx.Finder m = AGENCY_AFTER.open(after)) {
            return m.find() ? agencyWord(m.group(1)) : null;
        }
    }

    private static final Rx AGENCY_BEFORE = Rx.compile("(?:\\b(NASA|ESA|JAXA|CSA|Roscosmos|UAE|CMSA|ISRO)(?:['’]s)?"
            + "(?:\\s+(?:astronauts?|cosmonauts?|project astronaut))?|(?:астронавт\\p{L}*|космонавт\\p{L}*)\\s+(NASA|ESA|JAXA|Роскосмоса))\\s*$");
    private static final Rx AGENCY_AFTER = Rx.compile("^(?:\\s*\\(\\p{IsHan}+\\))?(?:,?\\s+(?:of|from)\\s+(?:the\\s+)?|,\\s*)"
            + "(NASA|ESA|JAXA|CSA|Roscosmos|CMSA|European Space Agency|Canadian Space Agency|Japan Aerospace Exploration Agency|"
            + "United Arab Emirates|UAE)\\b(?!['’]s)(?=\\s*(?:[.,;:)]|$|and\\b|who\\b))");

    private static String agencyWord(String w) {
        if (w == null) {
            return null;
        }
        String l = w.toLowerCase(Locale.ROOT);
        // was replaceAll("['’]s$", ""): the words here never hold a line break, so $ is the end
        if (l.endsWith("'s") || l.endsWith("’s")) {
            l = l.substring(0, l.length() - 2);
        }
        return switch (l) {
            case "nasa" -> "NASA";
            case "esa", "european space agency" -> "ESA";
            case "jaxa", "japan aerospace exploration agency" -> "JAXA";
            case "csa", "canadian space agency" -> "CSA";
            case "roscosmos", "роскосмоса" -> "Roscosmos";
            case "uae", "united arab emirates", "emirati", "mbrsc" -> "MBRSC";
            case "cmsa" -> "CMSA";
            case "isro" -> "ISRO";
            default -> null;
        };
    }

    private static String nationality(String s, NameFinder.Span sp, String agency) {
        for (String w : sp.prefix()) {
            String n = NATIONALITIES.get(w);
            if (n != null) {
                return n;
            }
        }
        String around = s.substring(Math.max(0, sp.start() - 40), sp.start()) + " "
                + s.substring(sp.end(), Math.min(s.length(), sp.end() + 50));
        try (Rx.Finder m = NATION_NEAR.open(around)) {
            if (m.find()) {
                String n = NATIONALITIES.get(m.group(1).toLowerCase(Locale.ROOT));
                if (n != null) {
                    return n;
                }
            }
        }
        return agency == null ? null : AGENCY_NATION.get(agency);
    }

    private static String roleNear(String s, NameFinder.Span sp) {
        String around = s.substring(Math.max(0, sp.start() - 40), sp.start()) + " "
                + s.substring(sp.end(), Math.min(s.length(), sp.end() + 60));
        try (Rx.Finder m = ROLE_WORD.open(around)) {
            if (m.find()) {
                String w = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
                return switch (w) {
                    case "cosmonaut", "космонавт" -> "cosmonaut";
                    case "taikonaut", "тайконавт" -> "taikonaut";
                    default -> "astronaut";
                };
            }
        }
        return null;
    }

    private static String position(String s, NameFinder.Span sp) {
        String before = s.substring(Math.max(0, sp.start() - 60), sp.start());
        if (Cues.any(before.toLowerCase(Locale.ROOT), "command", "pilot", "specialist", "engineer", "командир", "бортинженер")) {
            try (Rx.Finder m = Cues.POSITION.open(before)) {
                if (m.find()) {
                    String w = m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : m.group(2) != null ? "commander" : "flight engineer";
                    return w.startsWith("mission specialist") ? "mission specialist" : w;
                }
            }
        }
        for (String w : sp.prefix()) {
            if (w.equals("commander") || w.equals("pilot")) {
                return w;
            }
        }
        try (Rx.Finder a = Cues.POSITION_AFTER.open(s.substring(sp.end(), Math.min(s.length(), sp.end() + 40)))) {
            if (a.find()) {
                return a.group(1) != null ? a.group(1).toLowerCase(Locale.ROOT) : "commander";
            }
        }
        String bb = s.substring(Math.max(0, sp.start() - 30), sp.start());
        if (COMMANDED_BY_END.in(bb)) {
            return "commander";
        }
        return null;
    }

    // ------------------------------------------------------------------ the reading

    private MissionAcc acc(MissionFinder.Ref ref) {
        return missions.computeIfAbsent(ref.id(), k -> new MissionAcc(ref));
    }

    private Reading finish(String language, boolean mixed, String text) {
        List<MissionUpdate> updates = new ArrayList<>();
        Set<Person> assigned = new HashSet<>();
        for (MissionAcc a : missions.values()) {
            if (!a.ref.crewed()) {
                notes.add("uncrewed mission mentioned, not recorded: " + a.ref.name());
                continue;
            }
            Fact<MissionStatus> status = status(a);
            LaunchDate date = launchDate(a, status);
            if (status == null && date == null && a.crew.isEmpty()) {
                mentionedInPassing.add(a.ref.name());
                continue;
            }
            if (status != null && status.value() == MissionStatus.PLANNED && date != null) {
                status = new Fact<>(MissionStatus.SCHEDULED, status.evidence(), status.confidence());
            }
            List<CrewAssignment> crew = new ArrayList<>();
            for (Map.Entry<Person, CrewCand> e : a.crew.entrySet()) {
                CrewCand c = e.getValue();
                crew.add(new CrewAssignment(member(e.getKey()), c.assignment, c.position, c.evidence, c.conf));
                assigned.add(e.getKey());
            }
            String evidence = a.firstEvidence;
            Fact<String> site = best(a.site, a.ref.family().launchSite, evidence);
            updates.add(new MissionUpdate(mission(a.ref), best(a.spacecraft, a.ref.family().spacecraft, evidence),
                    best(a.vehicle, a.ref.family().launchVehicle, evidence), site,
                    best(a.destination, a.ref.family().destination, evidence), atSite(date, a, site), status, crew, List.of()));
        }
        List<CrewMember> all = new ArrayList<>();
        for (Person p : people) {
            CrewMember m = member(p);
            all.add(m);
            directory.remember(m);
        }
        List<MissionUpdate> withMentions = new ArrayList<>();
        for (MissionUpdate u : updates) {
            Set<String> crewIds = new HashSet<>();
            u.crew().forEach(c -> crewIds.add(c.person().id()));
            List<CrewMember> others = all.stream().filter(m -> !crewIds.contains(m.id())).toList();
            withMentions.add(new MissionUpdate(u.mission(), u.spacecraft(), u.launchVehicle(), u.launchSite(), u.destination(),
                    u.launchDate(), u.status(), u.crew(), others));
        }
        if (withMentions.isEmpty()) {
            notes.add("no recognisable mission");
        }
        for (String m : mentionedInPassing) {
            if (withMentions.stream().noneMatch(u -> u.mission().name().equals(m))) {
                notes.add("mentioned in passing, nothing stated: " + m);
            }
        }
        List<UnnamedFlight> flights = new ArrayList<>();
        for (FlightAcc f : unnamed.values()) {
            List<CrewAssignment> crew = new ArrayList<>();
            f.crew.forEach((p, c) -> crew.add(new CrewAssignment(member(p), c.assignment, c.position, c.evidence, c.conf)));
            flights.add(new UnnamedFlight(f.craft, f.date, crew, f.evidence, f.craftEvidence));
        }
        return new Reading(language, mixed, text, pub, pubKnown, withMentions, all, notes, flights);
    }

    private Fact<MissionStatus> status(MissionAcc a) {
        boolean futureLaunch = a.statuses.stream().anyMatch(c -> c.status() == MissionStatus.SCHEDULED);
        StatusCand best = null;
        for (StatusCand c : a.statuses) {
            if (c.implied() && futureLaunch) {
                continue;
            }
            if (best == null || c.status().rank() > best.status().rank()) {
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        MissionStatus st = best.status();
        List<String> ev = new ArrayList<>();
        for (StatusCand c : a.statuses) {
            if (ev.size() < MAX_EVIDENCE && c.status() == st && !ev.contains(c.evidence())) {
                ev.add(c.evidence());
            }
        }
        return new Fact<>(st, ev, best.conf());
    }

    private LaunchDate launchDate(MissionAcc a, Fact<MissionStatus> status) {
        boolean upcoming = status != null && status.value().rank() <= MissionStatus.SCRUBBED.rank();
        DateCand best = null;
        for (DateCand c : a.dates) {
            boolean stale = upcoming && c.resolved.precision() == DatePrecision.DAY && c.resolved.day().isBefore(pub);
            if (c.superseded || stale) {
                continue;
            }
            if (best == null || better(c, best)) {
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        Dates.Resolved r = best.resolved;
        return new LaunchDate(r.value(), r.precision(), r.season(), best.expr.text(), List.of(best.evidence), best.conf);
    }

    private static boolean better(DateCand c, DateCand b) {
        if (c.strong != b.strong) {
            return c.strong;
        }
        int pc = precisionRank(c.resolved.precision());
        int pb = precisionRank(b.resolved.precision());
        if (pc != pb) {
            return pc > pb;
        }
        if (c.conf != b.conf) {
            return c.conf > b.conf;
        }
        return false;
    }

    private static int precisionRank(DatePrecision p) {
        return switch (p) {
            case DAY -> 3;
            case MONTH -> 2;
            case SEASON -> 1;
            case YEAR -> 0;
        };
    }

    /** A day written with a time in another zone becomes the calendar day at the launch site. */
    private LaunchDate atSite(LaunchDate d, MissionAcc a, Fact<String> site) {
        if (d == null || d.precision() != DatePrecision.DAY || site == null) {
            return d;
        }
        DateCand best = null;
        for (DateCand c : a.dates) {
            if (c.resolved.value().equals(d.value()) && c.expr.text().equals(d.text())) {
                best = c;
                break;
            }
        }
        if (best == null || best.time == null) {
            return d;
        }
        LocalDate local = Dates.atSite(best.resolved.day(), best.time, site.value());
        return local.equals(best.resolved.day()) ? d
                : new LaunchDate(local.toString(), d.precision(), d.season(), d.text(), d.evidence(), d.confidence());
    }

    private static Fact<String> best(List<Cand<String>> cands, String implied, String evidence) {
        Cand<String> best = null;
        for (Cand<String> c : cands) {
            if (best == null || c.conf() > best.conf()) {
                best = c;
            }
        }
        if (best != null) {
            List<String> ev = new ArrayList<>();
            for (Cand<String> c : cands) {
                if (c.value().equals(best.value()) && !ev.contains(c.evidence()) && ev.size() < 3) {
                    ev.add(c.evidence());
                }
            }
            return new Fact<>(best.value(), ev, best.conf());
        }
        // what the mission's name implies (Shenzhou flies from Jiuquan to Tiangong), with lower confidence
        return implied == null ? null : Fact.of(implied, evidence, 0.6);
    }

    private static Mission mission(MissionFinder.Ref ref) {
        return new Mission(ref.id(), ref.name(), ref.aliases(), ref.crewed());
    }

    private static CrewMember member(Person p) {
        String role = p.role;
        if (role == null && p.agency != null) {
            role = switch (p.agency) {
                case "Roscosmos" -> "cosmonaut";
                case "CMSA", "CNSA" -> "taikonaut";
                default -> TRAVELLER_AGENCIES.contains(p.agency) ? "astronaut" : null;
            };
        }
        List<String> aliases = new ArrayList<>(p.aliases);
        aliases.remove(p.name);
        return new CrewMember(p.id, p.name, aliases, p.agency, p.nationality, role);
    }

    private static void mask(boolean[] masked, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(masked.length, to); i++) {
            masked[i] = true;
        }
    }

    private static int[] scripts(String s) {
        int lat = 0;
        int cyr = 0;
        int n = Math.min(s.length(), 200_000);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x0400 && c <= 0x04FF) {
                cyr++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                lat++;
            }
        }
        return new int[]{lat, cyr};
    }
}
