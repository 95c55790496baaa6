package io.crossflight.extraction;

import java.util.List;

/**
 * One extracted value with the sentence(s) that support it.
 *
 * @param value      the normalised value (never null)
 * @param evidence   supporting sentences, verbatim from the clean text
 * @param confidence 0..1; values implied by the mission's name alone are below 0.7
 */
public record Fact<T>(T value, List<String> evidence, double confidence) {
    public Fact {
        evidence = List.copyOf(evidence);
    }

    public static <T> Fact<T> of(T value, String evidence, double confidence) {
        return new Fact<>(value, evidence == null ? List.of() : List.of(evidence), confidence);
    }
}
