package io.crossflight.ingest.store;

import io.crossflight.events.MissionUpdateData;
import io.crossflight.extraction.UnnamedFlight;

/**
 * An unnamed flight read from a new article.
 *
 * @param template the update to publish once a mission is found: article fields filled in, mission a placeholder
 */
public record NewFlight(UnnamedFlight flight, MissionUpdateData template) {
}
