package io.crossflight.extraction.internal;

import io.crossflight.extraction.PersonNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mission names and their variants by family pattern: Soyuz MS-22 / Союз МС-22 / #СоюзМС22 / 68S, Crew-5, Ax-1 ... */
public final class MissionFinder {

    /** A mission as identified: stable id, canonical name, family. */
    public record Ref(String id, String name, List<String> aliases, Family family) {
        public boolean crewed() {
            return family.crewed;
        }
    }

    /** A mention: a mission, or an expedition (station crew, never a launch) when ref is null. */
    public record Mention(int start, int end, String text, Ref ref, int expedition) {
    }

    private static final String DASH = "[\\-‑–—]";
    private static final Rx P = Rx.compile(
            "(?<soyuz>(?:Soyuz|Союз[а-я]{0,2})\\s?(?:MS|МС)" + DASH + "?\\s?(?<sn>\\d{1,2}))(?!\\d)"
                    + "|(?<prog>(?:Progress|Прогресс[а-я]{0,2})\\s?(?:MS|МС)" + DASH + "?\\s?(?<pn>\\d{1,2}))(?!\\d)"
                    + "|(?<![\\p{L}\\-])(?<bare>(?:MS|МС)" + DASH + "(?<bn>\\d{1,2}))(?!\\d)"
                    + "|(?<![\\p{L}\\d])(?<iss>(?<in>[4-8]\\d)S)(?![\\p{L}\\d])"
                    + "|(?<crew>(?:(?:NASA[’']s\\s+)?(?:NASA" + DASH + "SpaceX|NASA/SpaceX|SpaceX)\\s+)?Crew" + DASH + "(?<cn>\\d{1,2}))(?!\\d)"
                    + "|(?<crew2>SpaceX\\s+Crew\\s(?<c2n>\\d{1,2}))(?![\\d\\p{L}])"
                    + "|(?<ax>Axiom\\s+Mission\\s?(?<an>\\d{1,2})|Axiom" + DASH + "(?<an2>\\d{1,2})|(?<![\\p{L}])Ax" + DASH + "(?<an3>\\d{1,2}))(?!\\d)"
                    + "|(?<sz>(?:Shenzhou|Шэньчжоу)" + DASH + "?\\s?(?<zn>\\d{1,2}))(?!\\d)"
                    + "|(?<tz>Tianzhou" + DASH + "?\\s?(?<tn>\\d{1,2}))(?!\\d)"
                    + "|(?<art>Artemis\\s(?<arn>IV|I{1,3}|V|[1-5]))(?![\\p{L}\\d])"
                    + "|(?<cft>(?:Boeing(?:[’']s)?\\s+)?(?:Starliner\\s+)?Crew\\s+Flight\\s+Test|Boe-CFT)"
                    + "|(?<crs>(?:SpaceX\\s+)?CRS" + DASH + "(?<rn>\\d{1,2})|SpX" + DASH + "(?<rn2>\\d{1,2}))(?!\\d)"
                    + "|(?<ng>(?:Northrop Grumman\\s+)?NG" + DASH + "(?<gn>\\d{1,2}))(?!\\d)"
                    + "|(?<priv>Inspiration4|Polaris Dawn|Fram2)"
                    + "|(?<exp>(?:Expedition|Экспедици[яи])\\s(?<en>\\d{1,3}))(?!\\d)");

    private static final String[] KEYS = {"Soyuz", "Союз", "Progress", "Прогресс", "MS-", "МС-", "Crew", "Axiom", "Ax-",
            "Shenzhou", "Шэньчжоу", "Tianzhou", "Artemis", "Flight Test", "CFT", "CRS", "SpX", "NG-", "Inspiration4",
            "Polaris", "Fram2", "Expedition", "Экспедици"};

    private static boolean candidate(String text) {
        for (String k : KEYS) {
            if (text.contains(k)) {
                return true;
            }
        }
        // ISS flight numbers: "68S"
        for (int i = 2; i < text.length(); i++) {
            if (text.charAt(i) == 'S' && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i - 2))) {
                return true;
            }
        }
        return false;
    }

    public List<Mention> find(String text, List<Mention> earlier) {
        List<Mention> out = new ArrayList<>();
        if (!candidate(text)) {
            return out;
        }
        try (Rx.Finder m = P.open(text)) {
            while (m.find()) {
                Ref ref = null;
                int exp = 0;
                if (m.group("soyuz") != null) {
                    ref = soyuz(Integer.parseInt(m.group("sn")));
                } else if (m.group("prog") != null) {
                    ref = progress(Integer.parseInt(m.group("pn")));
                } else if (m.group("bare") != null) {
                    ref = bare(Integer.parseInt(m.group("bn")), text, m.start(), earlier, out);
                } else if (m.group("iss") != null) {
                    ref = soyuz(Integer.parseInt(m.group("in")) - 46);
                } else if (m.group("crew") != null || m.group("crew2") != null) {
                    int n = Integer.parseInt(m.group("crew") != null ? m.group("cn") : m.group("c2n"));
                    ref = new Ref("crew-" + n, "SpaceX Crew-" + n, List.of("Crew-" + n), Family.CREW_DRAGON);
                } else if (m.group("ax") != null) {
                    String g = m.group("an") != null ? m.group("an") : m.group("an2") != null ? m.group("an2") : m.group("an3");
                    int n = Integer.parseInt(g);
                    ref = new Ref("axiom-mission-" + n, "Axiom Mission " + n, List.of("Ax-" + n), Family.AXIOM);
                } else if (m.group("sz") != null) {
                    int n = Integer.parseInt(m.group("zn"));
                    ref = new Ref("shenzhou-" + n, "Shenzhou-" + n, List.of("Shenzhou " + n), Family.SHENZHOU);
                } else if (m.group("tz") != null) {
                    int n = Integer.parseInt(m.group("tn"));
                    ref = new Ref("tianzhou-" + n, "Tianzhou-" + n, List.of(), Family.TIANZHOU);
                } else if (m.group("art") != null) {
                    String roman = roman(m.group("arn"));
                    // Artemis I flew without crew
                    Family f = roman.equals("I") ? Family.ARTEMIS_UNCREWED : Family.ARTEMIS;
                    ref = new Ref("artemis-" + roman.toLowerCase(Locale.ROOT), "Artemis " + roman, List.of(), f);
                } else if (m.group("cft") != null) {
                    ref = new Ref("boeing-crew-flight-test", "Boeing Crew Flight Test", List.of("Starliner Crew Flight Test", "CFT"),
                            Family.STARLINER);
                } else if (m.group("crs") != null) {
                    int n = Integer.parseInt(m.group("rn") != null ? m.group("rn") : m.group("rn2"));
                    ref = new Ref("spacex-crs-" + n, "SpaceX CRS-" + n, List.of("CRS-" + n), Family.CARGO_DRAGON);
                } else if (m.group("ng") != null) {
                    int n = Integer.parseInt(m.group("gn"));
                    ref = new Ref("ng-" + n, "NG-" + n, List.of(), Family.CYGNUS);
                } else if (m.group("priv") != null) {
                    String name = m.group("priv");
                    ref = new Ref(PersonNames.slug(name), name, List.of(), Family.PRIVATE_DRAGON);
                } else if (m.group("exp") != null) {
                    exp = Integer.parseInt(m.group("en"));
                }
                if (ref != null || exp > 0) {
                    out.add(new Mention(m.start(), m.end(), m.group(), ref, exp));
                }
            }
        }
        return out;
    }

    /** {@code String.format(Locale.ROOT, "%02d", n)} without the formatter (it showed in profiles). */
    private static String pad2(int n) {
        if (n >= 0 && n < 10) {
            return "0" + n;
        }
        return n >= 10 ? Integer.toString(n) : String.format(Locale.ROOT, "%02d", n);
    }

    public static Ref soyuz(int n) {
        String num = pad2(n);
        return new Ref("soyuz-ms-" + num, "Soyuz MS-" + num, List.of((n + 46) + "S", "Союз МС-" + num), Family.SOYUZ);
    }

    private static Ref progress(int n) {
        String num = pad2(n);
        return new Ref("progress-ms-" + num, "Progress MS-" + num, List.of("Прогресс МС-" + num), Family.PROGRESS);
    }

    /** "MS-23" alone: the Soyuz or Progress with that number already named, else the family named nearby. */
    private static Ref bare(int n, String text, int at, List<Mention> earlier, List<Mention> here) {
        String suffix = "-ms-" + pad2(n);
        for (List<Mention> list : List.of(here, earlier)) {
            for (int i = list.size() - 1; i >= 0; i--) {
                Ref r = list.get(i).ref();
                if (r != null && r.id().endsWith(suffix)) {
                    return r;
                }
            }
        }
        String before = text.substring(Math.max(0, at - 80), at);
        if (before.contains("Soyuz") || before.contains("Союз")) {
            return soyuz(n);
        }
        if (before.contains("Progress") || before.contains("Прогресс")) {
            return progress(n);
        }
        return null;
    }

    private static String roman(String s) {
        return switch (s) {
            case "1" -> "I";
            case "2" -> "II";
            case "3" -> "III";
            case "4" -> "IV";
            case "5" -> "V";
            default -> s;
        };
    }
}
