package io.crossflight.ingest.service;

import java.time.Instant;
import java.util.List;

import io.crossflight.events.MissionUpdateData;

/**
 * What the extraction engine read out of one article, in event terms.
 *
 * @param text        the clean text that was read (HTML stripped)
 * @param publishedAt the publication time found in the text or metadata, or null
 * @param updates     one per mission; articleId and publishedAt are filled in at storage time
 * @param flights     crewed flights described but not named, each as the update it would become, its mission a placeholder
 */
public record Extraction(String text, String language, Instant publishedAt, String publishedText, String title,
                         List<MissionUpdateData> updates, List<String> notes, List<MissionUpdateData> flights) {
}
