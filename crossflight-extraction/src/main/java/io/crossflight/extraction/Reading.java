package io.crossflight.extraction;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of reading one article.
 *
 * @param language             dominant script's language: "en" or "ru"
 * @param mixedScript          true when both Latin and Cyrillic text are substantial
 * @param text                 the clean plain text that evidence sentences are quoted from
 * @param publicationDate      the date relative expressions were resolved against
 * @param publicationDateKnown false when the article had none and the date was inferred
 *                             (latest full date in the text, else the reader's clock)
 * @param updates              one per crewed mission the article says something about
 * @param people               every space traveller recognised, crew or not, with all aliases seen
 *                             (the caller persists new people and aliases from here)
 * @param notes                human-readable remarks, e.g. "no recognisable mission"
 * @param unnamedFlights       crewed flights described but never named, for {@link FlightAttribution}
 */
public record Reading(String language, boolean mixedScript, String text, LocalDate publicationDate,
                      boolean publicationDateKnown, List<MissionUpdate> updates, List<CrewMember> people,
                      List<String> notes, List<UnnamedFlight> unnamedFlights) {
    public Reading {
        updates = List.copyOf(updates);
        people = List.copyOf(people);
        notes = List.copyOf(notes);
        unnamedFlights = List.copyOf(unnamedFlights);
    }

    public Reading(String language, boolean mixedScript, String text, LocalDate publicationDate,
                   boolean publicationDateKnown, List<MissionUpdate> updates, List<CrewMember> people, List<String> notes) {
        this(language, mixedScript, text, publicationDate, publicationDateKnown, updates, people, notes, List.of());
    }
}
