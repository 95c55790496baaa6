package io.crossflight.crew.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Search keys that make every script and spelling of a name meet: {@code Франциско Рубио},
 * {@code Francisco Rubio} and {@code FRANCISCO RUBIÓ} all fold to Latin lower-case ASCII words, and
 * common transliteration variants (Prokopyev/Prokopiev/Prokopjew, Dmitriy/Dmitry) fold together.
 * Names and queries go through the same function, so whatever the folding loses it loses on both sides.
 */
public final class SearchKeys {

    /** BGN for Russian (what the English-language press uses), ICU's generic rules for other scripts. */
    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02b9\u02bc\u02bb`\u00b4]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    /** Separates names in a person's key, so a query never matches across two names. */
    public static final String NAME_SEPARATOR = " | ";

    private SearchKeys() {
    }

    /** Latin-script rendering of a name in any script, keeping case and spacing. */
    public static String toLatin(String s) {
        return TO_LATIN.get().transliterate(s);
    }

    /** Latin lower-case ASCII words separated by single spaces, transliteration variants folded. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String latin = toLatin(Normalizer.normalize(s, Normalizer.Form.NFKC));
        String ascii = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFKD)).replaceAll("");
        String lower = APOSTROPHES.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
        String words = NON_ALNUM.matcher(lower).replaceAll(" ").trim();
        return fold(words);
    }

    /** y/j → i, w → v, doubled letters single: the spellings transliteration schemes disagree on. */
    static String fold(String words) {
        StringBuilder sb = new StringBuilder(words.length());
        char prev = 0;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            c = switch (c) {
                case 'y', 'j' -> 'i';
                case 'w' -> 'v';
                default -> c;
            };
            if (c == prev && Character.isLetter(c)) {
                continue;
            }
            sb.append(c);
            prev = c;
        }
        return sb.toString();
    }

    /** The words of a query, normalised as names are. */
    public static List<String> queryWords(String q) {
        String n = normalize(q);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** One key for all the names of a person. */
    public static String key(Collection<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            String k = normalize(name);
            if (!k.isEmpty()) {
                keys.add(k);
            }
        }
        return String.join(NAME_SEPARATOR, new ArrayList<>(keys));
    }

    /** Sort key for ordering by name in any script. */
    public static String sortKey(String name) {
        String latin = toLatin(name == null ? "" : name);
        String ascii = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFKD)).replaceAll("");
        return NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
