package io.crossflight.extraction.internal;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Keywords} must find exactly what the Aho-Corasick library finds with the same settings. */
class KeywordsTest {

    @Test
    void gazetteerMatchesAsTheLibraryDoes() throws Exception {
        Lexicon lexicon = new Lexicon();
        List<String> texts = texts(lexicon);
        for (boolean ignoreCase : new boolean[]{false, true}) {
            Collection<String> words = ignoreCase ? lexicon.foldedKeywords() : lexicon.exactKeywords();
            Keywords mine = new Keywords(words, ignoreCase);
            Trie.TrieBuilder b = Trie.builder().onlyWholeWords().ignoreOverlaps();
            if (ignoreCase) {
                b.ignoreCase();
            }
            words.forEach(b::addKeyword);
            Trie library = b.build();
            int hits = 0;
            for (String t : texts) {
                List<String> expected = new ArrayList<>();
                for (Emit e : library.parseText(t)) {
                    expected.add(e.getStart() + "-" + (e.getEnd() + 1) + ":" + e.getKeyword());
                }
                List<String> actual = new ArrayList<>();
                for (Keywords.Match m : mine.find(t)) {
                    actual.add(m.start() + "-" + m.end() + ":" + m.keyword());
                }
                assertThat(actual).as(t).isEqualTo(expected);
                hits += actual.size();
            }
            assertThat(hits).isGreaterThan(500);
        }
    }

    private static List<String> texts(Lexicon lexicon) throws Exception {
        List<String> raw = new ArrayList<>();
        try (InputStream in = KeywordsTest.class.getResourceAsStream("/corpus/articles.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    raw.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("body").asText());
                }
            }
        }
        for (String seed : new String[]{"000_fb0ee394c0ba0c6a.txt", "002_874878a65ba7efb4.txt"}) {
            try (InputStream in = KeywordsTest.class.getResourceAsStream("/seeds/" + seed)) {
                raw.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            out.add(r);
            out.add(r.toUpperCase(Locale.ROOT));
            out.add(r.toLowerCase(Locale.ROOT));
            for (String line : r.split("\n")) {
                out.addAll(List.of(line.split("(?<=[.!?])\\s+")));
            }
        }
        // keywords glued, nested and overlapping ("Kennedy Space Center" inside "Kennedy Space Centre"), next to letters
        List<String> words = new ArrayList<>(lexicon.exactKeywords());
        words.addAll(lexicon.foldedKeywords());
        Random rnd = new Random(5);
        String[] glue = {" ", "", "-", "'s ", ", ", "x", "Ä", "1", " the ", "\n", "\u216B", "\u0345", "_"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int k = 1 + rnd.nextInt(5);
            for (int j = 0; j < k; j++) {
                String w = words.get(rnd.nextInt(words.size()));
                int mode = rnd.nextInt(6);
                if (mode == 0) {
                    w = w.toUpperCase(Locale.ROOT);
                } else if (mode == 1 && w.length() > 3) {
                    w = w.substring(0, 1 + rnd.nextInt(w.length() - 1));
                } else if (mode == 2 && w.length() > 3) {
                    w = w.substring(1 + rnd.nextInt(w.length() - 2));
                }
                sb.append(w).append(glue[rnd.nextInt(glue.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
