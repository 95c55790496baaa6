package io.crossflight.extraction;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Name keys and matching shared by the reader and by directory implementations.
 * Matching is surname first (phonetic key, then Jaro-Winkler), then first names by nickname table
 * or similarity: plain Jaro-Winkler on whole names prefers "Frank Culbertson" to "Francisco Rubio"
 * for "Frank Rubio".
 */
public final class PersonNames {

    private static final Transliterator RUSSIAN = Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII");
    private static final Transliterator HAN = Transliterator.getInstance("Han-Latin; Latin-ASCII");
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final Pattern QUOTED = Pattern.compile("\\s*[\"“”«»][^\"“”«»]{1,20}[\"“”«»]\\s*");
    private static final Pattern NON_LETTER = Pattern.compile("[^a-z ]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern JOINERS = Pattern.compile("['\\-]");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʹʺ`\"]");
    private static final Map<String, String> NICK = new HashMap<>();
    /** Names repeat across sentences and articles; transliteration and tokenising are the costly part. */
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, String> LATIN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, List<String>> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        String[] groups = {
                "francisco frank francis franklin fransisco", "thomas tom tommy", "robert bob bobby rob",
                "william bill will billy", "michael mike mikhail", "christopher chris", "christina chris tina",
                "matthew matt", "stephen steve steven", "daniel dan danny", "david dave", "james jim jimmy",
                "joseph joe", "andrew drew andy", "alexander alex aleksandr alexandr sasha", "alexey aleksey alexei aleksei alex",
                "kathleen kate kathy", "jeffrey jeff", "douglas doug", "nicholas nick nikolai nikolay", "kenneth ken",
                "gregory greg", "edward ed ted", "richard rick dick", "sergey sergei sergiy serge", "dmitry dmitri dmitriy",
                "pyotr petr peter pjotr", "yuri yury yuriy juri", "andrey andrei", "joshua josh", "jonathan jonny johnny jon",
                "margaret peggy", "lawrence larry", "walter valter", "jennifer jenni jenny", "timothy tim",
                "samantha sam", "samuel sam", "elizabeth liz beth", "barry butch", "sunita suni", "warren woody",
                "benjamin ben benji", "anatoly anatoli", "fyodor fedor", "konstantin kostya", "vladimir volodya",
                "ivan vanya", "anna anya", "yelena elena", "yuliya yulia julia", "nataliya natalia natalya"};
        for (String g : groups) {
            String[] names = g.split(" ");
            for (String n : names) {
                NICK.putIfAbsent(n, names[0]);
                NICK.putIfAbsent(phonetic(n), names[0]);
            }
        }
    }

    private PersonNames() {
    }

    /** Latin spelling of a name in any script: Cyrillic via BGN, Chinese via pinyin (surname, then given name joined). */
    public static String toLatin(String name) {
        if (name == null) {
            return "";
        }
        String cached = LATIN.get(name);
        if (cached != null) {
            return cached;
        }
        String latin = computeLatin(name);
        if (LATIN.size() > CACHE_LIMIT) {
            LATIN.clear();
        }
        LATIN.put(name, latin);
        return latin;
    }

    private static String computeLatin(String name) {
        boolean cyr = false;
        boolean han = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x0400 && c <= 0x04FF) {
                cyr = true;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han = true;
            }
        }
        if (han) {
            return pinyinName(name);
        }
        if (cyr) {
            String out;
            synchronized (RUSSIAN) {
                out = RUSSIAN.transliterate(name);
            }
            return APOSTROPHES.matcher(out).replaceAll("");
        }
        return name;
    }

    /** 陈冬 → Chen Dong, 蔡旭哲 → Cai Xuzhe (tones stripped; first character is the surname). */
    public static String pinyinName(String han) {
        String p;
        synchronized (HAN) {
            p = HAN.transliterate(han.replaceAll("\\s+", ""));
        }
        String[] syl = p.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (syl.length == 0 || syl[0].isEmpty()) {
            return han;
        }
        StringBuilder sb = new StringBuilder(capitalise(syl[0]));
        if (syl.length > 1) {
            sb.append(' ');
            StringBuilder given = new StringBuilder();
            for (int i = 1; i < syl.length; i++) {
                given.append(syl[i]);
            }
            sb.append(capitalise(given.toString()));
        }
        return sb.toString();
    }

    /** Lower-case ASCII: diacritics and special Latin letters folded (ı→i, ø→o, ł→l, ß→ss). */
    public static String ascii(String s) {
        if (s == null) {
            return "";
        }
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = s.charAt(i) < 0x80;
        }
        String folded = s;
        if (!plain) {
            folded = MARKS.matcher(Normalizer.normalize(toLatin(s), Normalizer.Form.NFKD)).replaceAll("");
            StringBuilder sb = new StringBuilder(folded.length());
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                switch (c) {
                    case 'ı' -> sb.append('i');
                    case 'ø', 'Ø' -> sb.append('o');
                    case 'ł', 'Ł' -> sb.append('l');
                    case 'đ', 'Đ' -> sb.append('d');
                    case 'ß' -> sb.append("ss");
                    case 'æ', 'Æ' -> sb.append("ae");
                    case 'œ', 'Œ' -> sb.append("oe");
                    case '’', 'ʹ', 'ʺ' -> sb.append('\'');
                    default -> sb.append(c);
                }
            }
            folded = sb.toString();
        }
        return folded.toLowerCase(Locale.ROOT);
    }

    /** Lower-case ASCII slug: "Francisco Rubio" → francisco-rubio, "Soyuz MS-22" → soyuz-ms-22. */
    public static String slug(String s) {
        String a = ascii(s).replaceAll("['\"]", "");
        return a.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    /** Name tokens in lower-case ASCII; quoted nicknames dropped, hyphens and apostrophes joined. */
    public static List<String> tokens(String name) {
        List<String> cached = TOKENS.get(name);
        if (cached != null) {
            return cached;
        }
        String s = QUOTED.matcher(toLatin(name)).replaceAll(" ");
        s = JOINERS.matcher(ascii(s)).replaceAll("");
        s = NON_LETTER.matcher(s).replaceAll(" ").trim();
        List<String> out = new ArrayList<>();
        for (String t : SPACES.split(s)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        List<String> result = List.copyOf(out);
        if (TOKENS.size() > CACHE_LIMIT) {
            TOKENS.clear();
        }
        TOKENS.put(name, result);
        return result;
    }

    /** Everything matching needs about one written name, computed once per distinct string. */
    /** first: the phonetic key of the first token, for {@link #firstNameMatch}. */
    private record Key(List<String> tokens, String full, String surname, List<String> lookup, String first) {
    }

    private static final Map<String, Key> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Key key(String name) {
        Key k = KEYS.get(name);
        if (k == null) {
            List<String> t = tokens(name);
            k = new Key(t, t.isEmpty() ? "" : phonetic(String.join("", t)), t.isEmpty() ? "" : phonetic(t.get(t.size() - 1)),
                    computeLookupKeys(t), t.isEmpty() ? "" : phonetic(t.get(0)));
            if (KEYS.size() > CACHE_LIMIT) {
                KEYS.clear();
            }
            KEYS.put(name, k);
        }
        return k;
    }

    /** Keys a directory must index every alias by: the surname's phonetic key, and the last two tokens joined. */
    public static List<String> lookupKeys(String name) {
        return key(name).lookup();
    }

    private static List<String> computeLookupKeys(List<String> t) {
        if (t.isEmpty()) {
            return List.of();
        }
        String last = phonetic(t.get(t.size() - 1));
        if (t.size() >= 2) {
            String two = phonetic(t.get(t.size() - 2) + t.get(t.size() - 1));
            return two.equals(last) ? List.of(last) : List.of(last, two);
        }
        return List.of(last);
    }

    /** Phonetic key of the surname (last token). */
    public static String surnameKey(String name) {
        return key(name).surname();
    }

    /** Spelling-variant key: Artemiev/Artemyev, Prokopiev/Prokopyev, Markus/Marcus, Vandt/Wandt, Tschen/Chen. */
    public static String phonetic(String token) {
        String s = token.toLowerCase(Locale.ROOT);
        s = s.replace("tsch", "ch").replace("tch", "ch").replace("sch", "sh").replace("ph", "f")
                .replace("kh", "h").replace("ck", "k").replace('w', 'v').replace('j', 'y').replace("ch", "\u0001");
        StringBuilder sb = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if (c == 'c') {
                sb.append(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
            } else if (c == 'q') {
                sb.append('k');
            } else if (c == 'x') {
                sb.append("ks");
            } else if (c == 'y') {
                sb.append('i');
            } else {
                sb.append(c);
            }
        }
        s = sb.toString().replace("\u0001", "ch").replace("ts", "s");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * How likely two written names are the same person, 0..1. Surnames must agree first
     * (phonetic key, joined particles, or Jaro-Winkler ≥ 0.93); then first names by phonetic key,
     * nickname table, initials, or Jaro-Winkler ≥ 0.85.
     */
    public static double match(String a, String b) {
        Key ka = key(a);
        Key kb = key(b);
        List<String> ta = ka.tokens();
        List<String> tb = kb.tokens();
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        if (ka.full().equals(kb.full())) {
            return 1.0;
        }
        if (ta.size() < 2 || tb.size() < 2) {
            return 0;
        }
        String sa = ka.surname();
        String sb = kb.surname();
        double surname;
        if (sa.equals(sb) || anyShared(ka.lookup(), kb.lookup())) {
            surname = 1.0;
        } else {
            double jw = jaroWinkler(sa, sb, 0.93);
            if (jw < 0.93) {
                return 0;
            }
            surname = jw;
        }
        double first = firstNameMatch(ta.get(0), tb.get(0), ka.first(), kb.first());
        return first == 0 ? 0 : Math.min(surname, first);
    }

    /**
     * Jaro-Winkler of a and b, or 0 when it cannot reach {@code threshold}: with m matching chars,
     * m ≤ the shorter length s, so Jaro ≤ (2 + s/L) / 3 (L the longer length), and Winkler adds at most
     * 0.1 × (common prefix, ≤ 4) × (1 − Jaro). Most pairs of different names fail on length alone, and
     * the library call (with its allocations) was a visible part of the reader's time.
     */
    static double jaroWinkler(String a, String b, double threshold) {
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        if (longer > 0 && !a.equals(b)) {
            int prefix = 0;
            while (prefix < Math.min(4, shorter) && a.charAt(prefix) == b.charAt(prefix)) {
                prefix++;
            }
            double jaro = (2.0 + (double) shorter / longer) / 3.0;
            double bound = jaro + 0.1 * prefix * (1.0 - jaro);
            if (bound < threshold - 1e-9) {
                return 0;
            }
        }
        return JW.apply(a, b);
    }


    private static boolean anyShared(List<String> a, List<String> b) {
        for (String k : a) {
            if (b.contains(k)) {
                return true;
            }
        }
        return false;
    }

    static double firstNameMatch(String a, String b) {
        return firstNameMatch(a, b, phonetic(a), phonetic(b));
    }

    /** pa, pb: phonetic(a), phonetic(b), which match() keeps with each name's key. */
    private static double firstNameMatch(String a, String b, String pa, String pb) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (pa.equals(pb)) {
            return 0.98;
        }
        String na = NICK.getOrDefault(a, NICK.get(pa));
        String nb = NICK.getOrDefault(b, NICK.get(pb));
        if (na != null && na.equals(nb)) {
            return 0.95;
        }
        if ((a.length() == 1 && b.startsWith(a)) || (b.length() == 1 && a.startsWith(b))) {
            return 0.86;
        }
        double jw = jaroWinkler(pa, pb, 0.85);
        return jw >= 0.85 ? jw : 0;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
