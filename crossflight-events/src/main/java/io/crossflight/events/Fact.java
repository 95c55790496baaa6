package io.crossflight.events;

import java.util.List;

/**
 * One stated value with the sentence(s) that support it.
 *
 * @param confidence 0..1, how sure the extractor is
 */
public record Fact(String value, List<String> evidence, double confidence) {
    public Fact {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static Fact of(String value, String sentence, double confidence) {
        return new Fact(value, sentence == null ? List.of() : List.of(sentence), confidence);
    }
}
