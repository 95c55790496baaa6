package io.crossflight.extraction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidate person names: runs of capitalised words (Latin or Cyrillic) with particles and quoted
 * nicknames inside, titles and other capitalised non-name words trimmed off the front and kept as
 * cues. Spans covered by missions or gazetteer entities are never names. No model: capitalisation
 * plus the cue words around the name decide later.
 */
public final class NameFinder {

    /** A name candidate. {@code prefix} holds the trimmed title words (lower-case), e.g. [nasa, administrator]. */
    public record Span(int start, int end, String surface, List<String> prefix, String nickname, String han,
                       boolean possessive) {
        public boolean single() {
            return surface.indexOf(' ') < 0;
        }
    }

    /** The definition of a word; {@link #words} scans for it by hand. */
    static final Rx WORD = Rx.compile("[\\p{L}][\\p{L}\\p{M}'’\\-]*[\\p{L}]|[\\p{L}]\\.?");
    private static final Pattern NICK_GAP = Pattern.compile("\\s+[\"“”']([\\p{Lu}][\\p{L}]{1,15})[\"“”']\\s+");
    private static final Pattern HAN = Pattern.compile("\\A\\s*[（(]\\s*(\\p{IsHan}{2,4})\\s*[)）]");
    private static final Set<String> PARTICLES = Set.of("al", "bin", "ibn", "van", "von", "de", "da", "del", "der",
            "dos", "du", "la", "le", "di", "el");

    /** Capitalised words that are never part of a person's name: titles, roles, agencies, places, calendar. */
    static final Set<String> NON_NAME = Set.copyOf(java.util.List.of(
            // roles, ranks, titles
            "commander", "pilot", "mission", "specialist", "specialists", "flight", "engineer", "payload", "astronaut",
            "astronauts", "cosmonaut", "cosmonauts", "taikonaut", "taikonauts", "backup", "crew", "colonel", "lieutenant",
            "major", "general", "senior", "captain", "admiral", "professor", "prof", "dr", "mr", "mrs", "ms", "sir",
            "prince", "princess", "president", "administrator", "director", "chief", "deputy", "spokesman",
            "spokeswoman", "minister", "secretary", "executive", "officer", "manager", "program", "programme", "head",
            "former", "fellow", "veteran", "rookie", "sheikh", "king", "queen", "pope", "actress", "actor", "filmmaker",
            "cmdr", "col", "lt", "gen", "maj", "capt", "sen", "rep", "gov", "governor", "senator", "chairman",
            "founder", "ceo", "vice", "acting", "associate", "assistant", "project", "private",
            // agencies and companies
            "nasa", "esa", "jaxa", "csa", "roscosmos", "cnsa", "cmsa", "isro", "uae", "spacex", "boeing", "axiom",
            "mbrsc", "tass", "ria", "reuters", "afp", "ap", "bbc", "cnn", "twitter", "x",
            // nationalities and places
            "american", "russian", "chinese", "japanese", "italian", "turkish", "swedish", "saudi", "emirati",
            "canadian", "european", "german", "french", "british", "danish", "israeli", "indian", "polish",
            "hungarian", "belgian", "spanish", "dutch", "us", "u.s.", "usa", "russia", "china", "japan", "italy",
            "kazakhstan", "florida", "houston", "moscow", "beijing", "texas", "air", "force", "navy", "army",
            "royal", "international", "space", "station", "center", "centre", "agency", "university", "institute",
            "earth", "moon", "mars", "ocean", "pacific", "atlantic", "gobi", "desert", "mongolia", "inner",
            // calendar
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            // function words that start sentences
            "the", "a", "an", "in", "on", "at", "with", "for", "from", "by", "of", "to", "and", "but", "or", "as",
            "after", "before", "during", "while", "when", "then", "also", "meet", "aboard", "waiting", "following",
            "moreover", "notably", "however", "this", "that", "these", "those", "it", "its", "his", "her", "their",
            "our", "we", "they", "he", "she", "i", "you", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "first", "second", "third", "last", "next", "new", "asked", "speaking", "media",
            "just", "both", "all", "each", "some", "with", "without", "there", "here", "what", "who", "why", "how",
            "translated", "image", "credit", "photo", "significance", "quotes", "further", "shared", "liftoff",
            "forecasts", "recovery", "departure", "docking", "launch", "arrival", "officials", "plenty", "different",
            "also", "only", "such", "every", "many", "several", "most", "more", "less", "because", "although",
            // Russian titles and function words
            "астронавт", "астронавта", "астронавты", "астронавтов", "космонавт", "космонавта", "космонавты",
            "космонавтов", "командир", "командира", "бортинженер", "бортинженера", "директор", "глава", "министр",
            "президент", "исполнительный", "генеральный", "руководитель", "в", "на", "и", "по", "с", "о", "об", "из",
            "сам", "именно", "пока", "авария", "комиссия", "давление", "хьюстон", "вместо", "между",
            "это", "его", "ее", "её", "их", "при", "для", "как", "что", "но", "а", "же", "по", "данным"));

    public List<Span> find(String s, boolean[] masked) {
        List<int[]> words = words(s);
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!capitalised(s, words.get(i)) || isMasked(masked, words.get(i))) {
                i++;
                continue;
            }
            // grow a run of capitalised words joined by single spaces, particles or a quoted nickname
            List<int[]> run = new ArrayList<>();
            run.add(words.get(i));
            String nick = null;
            int j = i + 1;
            while (j < words.size() && run.size() < 8) {
                int[] prev = run.get(run.size() - 1);
                int[] w = words.get(j);
                // a single space or no-break space, tested without taking the substring
                boolean plainGap = w[0] - prev[1] == 1 && (s.charAt(prev[1]) == ' ' || s.charAt(prev[1]) == '\u00a0');
                if (!plainGap) {
                    Matcher nm = NICK_GAP.matcher(s.substring(prev[1], w[0]));
                    if (nm.matches() && nick == null) {
                        nick = nm.group(1);
                        plainGap = true;
                    }
                }
                if (!plainGap || isMasked(masked, w)) {
                    break;
                }
                if (capitalised(s, w)) {
                    run.add(w);
                } else if (PARTICLES.contains(s.substring(w[0], w[1]).toLowerCase(Locale.ROOT)) && j + 1 < words.size()
                        && capitalised(s, words.get(j + 1)) && words.get(j + 1)[0] - w[1] == 1 && s.charAt(w[1]) == ' ') {
                    run.add(w);
                } else {
                    break;
                }
                j++;
            }
            i = j;
            emit(s, run, nick, out);
        }
        return out;
    }

    /**
     * The matches of {@link #WORD} ({@code [\p{L}][\p{L}\p{M}'’\-]*[\p{L}]|[\p{L}]\.?}), scanned by hand: a
     * letter, then the longest run of letters, marks, apostrophes and hyphens, cut back to its last
     * letter; or a lone letter with an optional full stop. Code points, as the regex sees them.
     */
    static List<int[]> words(String s) {
        List<int[]> words = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i++;
                continue;
            }
            int j = i + Character.charCount(cp);
            int lastLetterEnd = -1;
            while (j < n) {
                int c = s.codePointAt(j);
                if (Character.isLetter(c)) {
                    j += Character.charCount(c);
                    lastLetterEnd = j;
                } else if (c == '\'' || c == '’' || c == '-' || mark(c)) {
                    j += Character.charCount(c);
                } else {
                    break;
                }
            }
            int end = lastLetterEnd;
            if (end < 0) {
                end = i + Character.charCount(cp);
                if (end < n && s.charAt(end) == '.') {
                    end++;
                }
            }
            words.add(new int[]{i, end});
            i = end;
        }
        return words;
    }

    private static boolean mark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private void emit(String s, List<int[]> run, String nick, List<Span> out) {
        List<String> prefix = new ArrayList<>();
        int a = 0;
        while (a < run.size() && nonName(s, run.get(a))) {
            prefix.add(stripPossessive(word(s, run.get(a)).toLowerCase(Locale.ROOT)));
            a++;
        }
        int b = run.size();
        while (b > a && nonName(s, run.get(b - 1)) && !possessive(word(s, run.get(b - 1)))) {
            b--;
        }
        if (b <= a) {
            return;
        }
        // a particle may not start or end a name
        while (a < b && PARTICLES.contains(word(s, run.get(a)).toLowerCase(Locale.ROOT))) {
            a++;
        }
        // "Землю Сергей Прокопьев": a known first name starts the name
        for (int k = a + 1; k < b - 1; k++) {
            if (RussianNames.isFirstName(word(s, run.get(k)))) {
                a = k;
                break;
            }
        }
        if (b - a > 4) {
            a = b - 4;
        }
        if (b <= a) {
            return;
        }
        int start = run.get(a)[0];
        int end = run.get(b - 1)[1];
        String surface = s.substring(start, end);
        boolean poss = possessive(surface);
        if (poss) {
            surface = stripPossessive(surface);
            end -= 2;
        }
        if (nick != null && !surface.contains(nick)) {
            nick = null;
        }
        if (nick != null) {
            surface = surface.replaceAll("\\s+[\"“”']" + Pattern.quote(nick) + "[\"“”']\\s+", " ");
        }
        Matcher hm = HAN.matcher(s.substring(Math.min(s.length(), run.get(b - 1)[1])));
        String han = hm.find() ? hm.group(1) : null;
        out.add(new Span(start, end, surface, prefix, nick, han, poss));
    }

    private static String stripPossessive(String w) {
        return possessive(w) ? w.substring(0, w.length() - 2) : w;
    }

    private static boolean possessive(String w) {
        return w.endsWith("'s") || w.endsWith("’s");
    }

    private static boolean nonName(String s, int[] w) {
        String t = stripPossessive(word(s, w).toLowerCase(Locale.ROOT));
        if (NON_NAME.contains(t)) {
            return true;
        }
        String raw = word(s, w);
        // all-capitals words are acronyms or datelines, not names
        return raw.length() > 1 && allCaps(raw);
    }

    /** {@code raw.equals(raw.toUpperCase(ROOT)) && !raw.equals(raw.toLowerCase(ROOT))}, without the copies for ASCII. */
    private static boolean allCaps(String raw) {
        boolean ascii = true;
        boolean upper = false;
        for (int i = 0; i < raw.length() && ascii; i++) {
            char c = raw.charAt(i);
            ascii = c < 0x80;
            if (c >= 'a' && c <= 'z') {
                return false; // a lower-case letter: not all capitals, whatever follows
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (ascii) {
            return upper;
        }
        return raw.equals(raw.toUpperCase(Locale.ROOT)) && !raw.equals(raw.toLowerCase(Locale.ROOT));
    }

    private static String word(String s, int[] w) {
        return s.substring(w[0], w[1]);
    }

    private static boolean capitalised(String s, int[] w) {
        return Character.isUpperCase(s.charAt(w[0]));
    }

    private static boolean isMasked(boolean[] masked, int[] w) {
        if (masked == null) {
            return false;
        }
        for (int k = w[0]; k < w[1] && k < masked.length; k++) {
            if (masked[k]) {
                return true;
            }
        }
        return false;
    }
}
