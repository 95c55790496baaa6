package io.crossflight.crew.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One stored claim: what one article said about one person on one mission, or, for a mention
 * ({@link #MENTIONED}), about a person it names without putting them on its mission.
 */
public record ClaimRow(String eventId, String articleId, Instant publishedAt, boolean publishedAtKnown,
                       String articleTitle, String articleSource, String articleUrl,
                       String missionId, String missionName,
                       String personId, String name, List<String> aliases, String agency, String nationality, String role,
                       String assignment, String position, List<String> evidence, double confidence) {

    /** The assignment stored for a mention: person facts only; {@code missionId} is just the article's mission. */
    public static final String MENTIONED = "mentioned";

    /**
     * The conflict rule: later publication wins; equal times are broken by article id, then event id,
     * so the winner never depends on arrival order.
     */
    public static final Comparator<ClaimRow> PUBLICATION_ORDER = Comparator.comparing(ClaimRow::publishedAt)
            .thenComparing(ClaimRow::articleId).thenComparing(ClaimRow::eventId);

    /** True for a mention: it states person fields but never decides an assignment. */
    public boolean isMention() {
        return MENTIONED.equals(assignment);
    }

    public PersonView.FieldSource source() {
        return new PersonView.FieldSource(articleId, publishedAt, eventId);
    }
}
