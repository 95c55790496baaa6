package io.crossflight.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic ids, so the same (article, mission) always yields the same event id. */
public final class EventIds {
    private EventIds() {
    }

    public static String eventId(String articleId, String missionId) {
        return UUID.nameUUIDFromBytes(("mission-update/v1/" + articleId + "/" + missionId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
