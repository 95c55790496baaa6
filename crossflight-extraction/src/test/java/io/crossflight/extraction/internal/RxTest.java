package io.crossflight.extraction.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Rx} skips offsets; every pattern the reader uses must still find exactly what {@link Matcher#find()} finds. */
class RxTest {

    @Test
    void everyPatternFindsWhatMatcherFinds() throws Exception {
        // load every class that builds patterns
        new Sentences();
        new MissionFinder().find("Soyuz MS-22", List.of());
        Dates.find("September 21");
        Extractor.class.getName();
        Class.forName(Extractor.class.getName(), true, RxTest.class.getClassLoader());
        Class.forName(Cues.class.getName(), true, RxTest.class.getClassLoader());
        Class.forName(NameFinder.class.getName(), true, RxTest.class.getClassLoader());
        assertThat(Rx.ALL).hasSizeGreaterThan(60);
        assertThat(Rx.ALL.stream().filter(Rx::skips).count()).as("patterns on the fast path").isGreaterThan(Rx.ALL.size() * 3L / 4);

        List<String> texts = texts();
        Random rnd = new Random(7);
        long compared = 0;
        for (Rx rx : Rx.ALL) {
            for (String t : texts) {
                check(rx, t);
                // windows like the reader's "before" and "after" snippets
                for (int k = 0; k < 3 && t.length() > 0; k++) {
                    int a = rnd.nextInt(t.length());
                    int b = Math.min(t.length(), a + rnd.nextInt(130));
                    check(rx, t.substring(a, b));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        // Sentences looks only at the tail of a sentence for an abbreviation
        for (String t : texts) {
            for (String u : new String[]{t, t + " Dr.", t + " approx.", t + " U.S.\u0085", t + "xFla.", t + " Calif.\r\n"}) {
                assertThat(Sentences.abbreviationEnd(u)).as(u).isEqualTo(Sentences.ABBREV_END.pattern().matcher(u).find());
            }
        }
    }

    @Test
    void nameFinderScansWordsAsItsPatternDoes() throws Exception {
        List<String> texts = new ArrayList<>(texts());
        Random rnd = new Random(3);
        String alphabet = "aZé\u0301'’-. 1Жж\u0903\u20DD𝒜𝒜\uD835_ʼ";
        for (int k = 0; k < 12_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(12); i > 0; i--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            List<String> expected = new ArrayList<>();
            Matcher m = NameFinder.WORD.pattern().matcher(t);
            while (m.find()) {
                expected.add(m.start() + "-" + m.end());
            }
            List<String> actual = new ArrayList<>();
            for (int[] w : NameFinder.words(t)) {
                actual.add(w[0] + "-" + w[1]);
            }
            assertThat(actual).as(t).isEqualTo(expected);
        }
    }

    @Test
    void spacesCollapseAsReplaceAllDoes() throws Exception {
        List<String> texts = new ArrayList<>(texts());
        texts.addAll(List.of("", " ", "  ", "a  b", "a\tb", " a ", "a \n\u000Bb\u00a0c", "\r\n", "x\f"));
        for (String t : texts) {
            assertThat(Extractor.collapseSpaces(t)).isEqualTo(t.replaceAll("\\s+", " "));
        }
    }

    @Test
    void boundariesAndLookBehindSeeTheWholeInput() {
        Rx word = Rx.compile("\\b(?:launch|fly)\\b", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        check(word, "relaunch launch flyer FLY ſly");
        Rx behind = Rx.compile("(?<![\\p{L}\\-])(?:MS|МС)-(\\d{1,2})(?!\\d)");
        check(behind, "XMS-22 -MS-23 MS-24 МС-25 MS-256");
        Rx end = Rx.compile("(?i)commanded by\\s*$");
        check(end, "commanded by Frank commanded by  ");
        assertThat(word.skips()).isTrue();
        assertThat(behind.skips()).isTrue();
    }

    /** Random patterns over a small alphabet exercise what the reader's patterns do not (repeats, empty alternatives, flags). */
    @Test
    void randomPatternsFindWhatMatcherFinds() {
        Random rnd = new Random(Long.getLong("rx.seed", 11));
        int fast = 0;
        int filtered = 0;
        int compiled = 0;
        for (int k = 0; k < 12_000; k++) {
            String re = randomRegex(rnd, 3);
            int flags = rnd.nextInt(3) == 0 ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0;
            Rx rx;
            try {
                java.util.regex.Pattern.compile(re, flags);
            } catch (java.util.regex.PatternSyntaxException e) {
                continue;
            }
            rx = Rx.compile(re, flags);
            Rx.ALL.remove(rx);
            compiled++;
            fast += rx.skips() ? 1 : 0;
            filtered += rx.skips() && !rx.variantFor('a').pattern().equals(re) ? 1 : 0;
            for (int t = 0; t < 30; t++) {
                StringBuilder sb = new StringBuilder();
                int len = rnd.nextInt(14);
                for (int i = 0; i < len; i++) {
                    String alphabet = "abcAB _-.\n1ſ";
                    sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
                check(rx, sb.toString());
            }
        }
        System.out.printf("random patterns: %d compiled, %d skip offsets, %d with alternatives filtered for 'a'%n",
                compiled, fast, filtered);
        assertThat(fast).isGreaterThan(compiled / 5);
        assertThat(filtered).isGreaterThan(compiled / 30);
    }

    private static String randomRegex(Random rnd, int depth) {
        StringBuilder sb = new StringBuilder();
        int alts = 1 + (depth > 0 ? rnd.nextInt(3) : 0);
        for (int a = 0; a < alts; a++) {
            if (a > 0) {
                sb.append('|');
            }
            int terms = 1 + rnd.nextInt(3);
            for (int t = 0; t < terms; t++) {
                int kind = rnd.nextInt(depth > 0 ? 18 : 10);
                switch (kind) {
                    case 0, 1, 2, 3 -> sb.append("abcA".charAt(rnd.nextInt(4)));
                    case 16, 17 -> sb.append("\\b(?:").append(randomRegex(rnd, depth - 1)).append(')');
                    case 4 -> sb.append("\\b");
                    case 5 -> sb.append(new String[]{"[ab]", "\\s", "\\w", ".", "[^a]", "\\p{L}", "\\.", "\\d"}[rnd.nextInt(8)]);
                    case 6 -> sb.append(new String[]{"^", "$", "\\B"}[rnd.nextInt(3)]);
                    case 7 -> sb.append(new String[]{"(?i)", "(?-i)", "(?iu)"}[rnd.nextInt(3)]);
                    case 8, 9 -> sb.append(" ");
                    default -> {
                        String open = new String[]{"(", "(?:", "(?<g" + rnd.nextInt(1000) + ">", "(?=", "(?!", "(?<=", "(?<!", "(?i:", "(?>"}[rnd.nextInt(9)];
                        String inner = open.startsWith("(?<") && open.length() > 4 && !open.contains("=") && !open.contains("!")
                                ? randomRegex(rnd, depth - 1) : randomRegex(rnd, depth - 1);
                        if (open.startsWith("(?<=") || open.startsWith("(?<!")) {
                            inner = inner.replaceAll("[*+]|\\{\\d,\\d?\\}", "");
                        }
                        sb.append(open).append(inner).append(')');
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    sb.append(new String[]{"?", "*", "+", "{0,2}", "{1,3}", "{2}", "??", "*?", "+?", "{0,1}", "+", "{1,2}"}[rnd.nextInt(12)]);
                }
            }
        }
        return sb.toString();
    }

    /** A finder of its own; every fifth text also through the thread's reused finder and the shortcuts. */
    private static int checks;

    private static void check(Rx rx, String t) {
        check(rx, t, rx.matcher(t));
        if (checks++ % 5 != 0) {
            return;
        }
        // with the text focused (indexed), and with another one focused
        Rx.focus(t);
        check(rx, t, rx.matcher(t));
        try (Rx.Finder f = rx.open(t)) {
            check(rx, t, f);
        }
        Rx.focus(t + " ");
        check(rx, t, rx.matcher(t));
        // the thread's reused finder, twice on the same text, and once while it is already open
        try (Rx.Finder f = rx.open(t)) {
            check(rx, t, f);
        }
        try (Rx.Finder f = rx.open(t); Rx.Finder g = rx.open(t)) {
            assertThat(g).isNotSameAs(f);
            check(rx, t, g);
            check(rx, t, f);
        }
        int first = rx.pattern().matcher(t).find() ? rx.pattern().matcher(t).results().findFirst().get().start() : -1;
        assertThat(rx.in(t)).isEqualTo(first >= 0);
        assertThat(rx.matches(t)).isEqualTo(rx.pattern().matcher(t).matches());
        assertThat(rx.matcher(t).matches()).isEqualTo(rx.pattern().matcher(t).matches());
        assertThat(rx.firstStart(t)).isEqualTo(first);
        assertThat(rx.lastStart(t)).isEqualTo(rx.pattern().matcher(t).results().mapToInt(java.util.regex.MatchResult::start).max().orElse(-1));
    }

    private static void check(Rx rx, String t, Rx.Finder f) {
        Matcher m = rx.pattern().matcher(t);
        String what = "/" + rx + "/" + rx.pattern().flags() + " on \"" + t.replace("\n", "\\n") + "\"";
        while (true) {
            boolean a = m.find();
            boolean b = f.find();
            assertThat(b).as(what).isEqualTo(a);
            if (!a) {
                return;
            }
            assertThat(f.start()).as(what).isEqualTo(m.start());
            assertThat(f.end()).as(what).isEqualTo(m.end());
            for (int g = 1; g <= m.groupCount(); g++) {
                assertThat(f.start(g)).as("%s group %d", what, g).isEqualTo(m.start(g));
                assertThat(f.end(g)).as("%s group %d", what, g).isEqualTo(m.end(g));
            }
        }
    }

    private static List<String> texts() throws IOException {
        List<String> out = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        try (InputStream in = RxTest.class.getResourceAsStream("/corpus/articles.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    raw.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("body").asText());
                }
            }
        }
        for (String seed : new String[]{"000_fb0ee394c0ba0c6a.txt", "002_874878a65ba7efb4.txt"}) {
            try (InputStream in = RxTest.class.getResourceAsStream("/seeds/" + seed)) {
                raw.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        // odd characters that fold under UNICODE_CASE (long s, Kelvin sign, dotted I), marks and a supplementary Han
        // Russian cue stems inside longer words (free starts, no \b): перезапуск holds запуск
        raw.add("Перезапуск намечен, корабль непристыковался; перезапущенный старт, дозапланированный");
        raw.add("ſcheduled to LAUNCH on Monday; the \u212Aelvin crew, İstanbul, ı, café\u0301 launch, 𠀀 (陈冬) Expedition 68, 67S");
        for (String r : raw) {
            out.add(r);
            out.add(r.toUpperCase(Locale.ROOT));
            out.add(r.toLowerCase(Locale.ROOT));
            for (String line : r.split("\n")) {
                for (String sentence : line.split("(?<=[.!?])\\s+")) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }
}
