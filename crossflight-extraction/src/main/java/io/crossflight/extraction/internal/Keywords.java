package io.crossflight.extraction.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-word keyword search with overlaps removed, giving what the Aho-Corasick library
 * ({@code org.ahocorasick} {@code Trie.builder().onlyWholeWords().ignoreOverlaps()[.ignoreCase()]})
 * gives, at a fraction of its cost: the library boxes every character, follows hash-map transitions
 * per character and builds an interval tree per call, which made the two gazetteer passes a tenth of
 * the reader's time. A match must begin where the previous char is not alphabetic, so only those
 * offsets are tried, against the few keywords that begin with that char. {@code KeywordsTest} checks
 * it against the library.
 * <ul>
 *   <li>case-insensitive: chars compare by {@link Character#toLowerCase(char)}, as the library does;</li>
 *   <li>whole word: no alphabetic char ({@link Character#isAlphabetic}) right before or right after;</li>
 *   <li>overlaps: longest first, then leftmost, wins (the library's IntervalTree.removeOverlaps);
 *       the result is in text order.</li>
 * </ul>
 */
final class Keywords {

    /** A match of {@code keyword} (as added) at [start, end). */
    record Match(int start, int end, String keyword) {
    }

    private static final int TABLE = 0x500;
    private final boolean ignoreCase;
    /** Keywords by their (folded) first char: an array below TABLE, a map above. */
    private final String[][] byFirst = new String[TABLE][];
    private final Map<Character, String[]> byFirstHigh = new HashMap<>();

    Keywords(Collection<String> keywords, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        Map<Character, List<String>> groups = new HashMap<>();
        for (String k : keywords) {
            if (!k.isEmpty()) {
                groups.computeIfAbsent(fold(k.charAt(0)), c -> new ArrayList<>()).add(k);
            }
        }
        groups.forEach((c, list) -> {
            String[] a = list.toArray(String[]::new);
            if (c < TABLE) {
                byFirst[c] = a;
            } else {
                byFirstHigh.put(c, a);
            }
        });
    }

    private static final boolean[] ALPHABETIC = new boolean[TABLE];
    private static final char[] LOWER = new char[TABLE];

    static {
        for (char c = 0; c < TABLE; c++) {
            ALPHABETIC[c] = Character.isAlphabetic(c);
            LOWER[c] = Character.toLowerCase(c);
        }
    }

    private static boolean alphabetic(char c) {
        return c < TABLE ? ALPHABETIC[c] : Character.isAlphabetic(c);
    }

    private static char lower(char c) {
        return c < TABLE ? LOWER[c] : Character.toLowerCase(c);
    }

    private char fold(char c) {
        return ignoreCase ? lower(c) : c;
    }

    /** Offsets where a whole word can begin: the start, and after a char that is not alphabetic. */
    static int[] wordStarts(String text) {
        int n = text.length();
        int[] starts = new int[n + 1]; // a sentence is a few hundred chars: one small array
        int count = 0;
        boolean prevAlphabetic = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!prevAlphabetic) {
                starts[count++] = i;
            }
            prevAlphabetic = alphabetic(c);
        }
        starts[n] = count; // the count rides in the last slot
        return starts;
    }

    List<Match> find(String text) {
        return find(text, wordStarts(text));
    }

    /** {@code starts} from {@link #wordStarts} for this text. */
    List<Match> find(String text, int[] starts) {
        int n = text.length();
        int count = starts[n];
        List<Match> found = null;
        for (int w = 0; w < count; w++) {
            int i = starts[w];
            char c = fold(text.charAt(i));
            String[] candidates = c < TABLE ? byFirst[c] : byFirstHigh.get(c);
            if (candidates == null) {
                continue;
            }
            for (String k : candidates) {
                int end = i + k.length();
                if (end <= n && matchesAt(text, i, k) && (end == n || !alphabetic(text.charAt(end)))) {
                    if (found == null) {
                        found = new ArrayList<>(4);
                    }
                    found.add(new Match(i, end, k));
                }
            }
        }
        if (found == null) {
            return List.of();
        }
        if (found.size() == 1) {
            return found;
        }
        // longest first, then leftmost; a match overlapping one already kept is dropped (lists are short: insertion sorts)
        Match[] bySize = found.toArray(new Match[0]);
        for (int a = 1; a < bySize.length; a++) {
            Match m = bySize[a];
            int b = a - 1;
            while (b >= 0 && bySizeThenStart(m, bySize[b]) < 0) {
                bySize[b + 1] = bySize[b];
                b--;
            }
            bySize[b + 1] = m;
        }
        Match[] kept = new Match[bySize.length];
        int k = 0;
        for (Match m : bySize) {
            boolean overlaps = false;
            for (int q = 0; q < k; q++) {
                if (m.start() < kept[q].end() && m.end() > kept[q].start()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                // keep in text order (kept matches never share a start)
                int q = k - 1;
                while (q >= 0 && kept[q].start() > m.start()) {
                    kept[q + 1] = kept[q];
                    q--;
                }
                kept[q + 1] = m;
                k++;
            }
        }
        return java.util.Arrays.asList(java.util.Arrays.copyOf(kept, k));
    }

    private static int bySizeThenStart(Match a, Match b) {
        int d = (b.end() - b.start()) - (a.end() - a.start());
        return d != 0 ? d : a.start() - b.start();
    }

    private boolean matchesAt(String text, int at, String k) {
        for (int j = 0; j < k.length(); j++) {
            char t = text.charAt(at + j);
            char w = k.charAt(j);
            if (t != w && (!ignoreCase || lower(t) != lower(w))) {
                return false;
            }
        }
        return true;
    }
}
