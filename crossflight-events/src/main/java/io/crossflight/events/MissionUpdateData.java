package io.crossflight.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one article says about one mission.
 *
 * @param articleId         the ingest service's article id
 * @param publishedAt       publication time; the ingest time when the article had none
 * @param publishedAtKnown  false when {@code publishedAt} is the ingest time
 * @param mission           which mission, with every name the article used for it
 * @param facts             mission fields the article states; absent ones are {@code null}
 * @param crew              people the article puts on (or takes off) this mission
 * @param mentionedPeople   other space travellers the article names (station crews, other
 *                          flights' crews): known to the crew store, never this mission's crew
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissionUpdateData(
        String articleId,
        Instant publishedAt,
        boolean publishedAtKnown,
        String articleTitle,
        String articleSource,
        String articleUrl,
        MissionRef mission,
        MissionFacts facts,
        List<CrewClaim> crew,
        List<PersonRef> mentionedPeople) {

    public MissionUpdateData {
        crew = crew == null ? List.of() : List.copyOf(crew);
        mentionedPeople = mentionedPeople == null ? List.of() : List.copyOf(mentionedPeople);
        facts = facts == null ? MissionFacts.NONE : facts;
    }

    public MissionUpdateData(String articleId, Instant publishedAt, boolean publishedAtKnown, String articleTitle,
                             String articleSource, String articleUrl, MissionRef mission, MissionFacts facts,
                             List<CrewClaim> crew) {
        this(articleId, publishedAt, publishedAtKnown, articleTitle, articleSource, articleUrl, mission, facts, crew, List.of());
    }
}
