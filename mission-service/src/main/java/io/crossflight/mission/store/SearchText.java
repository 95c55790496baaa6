package io.crossflight.mission.store;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/**
 * The one normalisation both the stored search terms and the query go through: any script to
 * Latin (BGN/PCGN for Russian, so {@code Союз МС-22} becomes {@code soyuz ms 22}), accents
 * stripped, lower case, punctuation to single spaces. Matching normalised strings with trigrams
 * then is case-, accent-, script- and typo-insensitive at once.
 */
public final class SearchText {

    private static final String RULES = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";

    /** Building Any-Latin takes a while; one shared instance, used under a lock (it is not documented as thread-safe). */
    private static final class Latin {
        static final Transliterator INSTANCE = Transliterator.getInstance(RULES);
    }

    private SearchText() {
    }

    /** Normalised words separated by single spaces; empty for a string without letters or digits. */
    public static String normalize(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String latin = isAscii(s) ? s : latin(s);
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder(ascii.length());
        boolean space = false;
        for (char c : ascii.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                space = false;
            } else if (c == '\'' || c == '\u2019' || c == '\u02b9' || c == '\u02ba') {
                // BGN marks soft and hard signs with primes: Prokopʹyev is searched as prokopyev
            } else if (!space && sb.length() > 0) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /** Without spaces, so that {@code ms22} finds {@code MS-22}. */
    public static String compact(String normalized) {
        return normalized.replace(" ", "");
    }

    /** Both forms of every name, as stored in {@code mission_search_term}. */
    public static Set<String> terms(Iterable<String> names) {
        Set<String> terms = new LinkedHashSet<>();
        for (String n : names) {
            String norm = normalize(n);
            if (!norm.isEmpty()) {
                terms.add(norm);
                terms.add(compact(norm));
            }
        }
        return terms;
    }

    private static String latin(String s) {
        synchronized (Latin.INSTANCE) {
            return Latin.INSTANCE.transliterate(s);
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
