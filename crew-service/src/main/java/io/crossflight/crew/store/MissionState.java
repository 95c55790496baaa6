package io.crossflight.crew.store;

import java.time.Instant;

/** A mission's current name and status, each from the latest-published article that states it. */
public record MissionState(String missionId, String name, String status,
                           String nameArticleId, Instant namePublishedAt,
                           String statusArticleId, Instant statusPublishedAt) {
}
