package io.crossflight.store.changes;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What subscribers (SSE and webhooks) are told about one committed change of one mission or person.
 *
 * @param type    {@code mission.changed} or {@code crew.changed}
 * @param id      the mission or person id
 * @param changes field, old, new
 * @param source  the article id whose event caused the change
 * @param eventId the mission-update event id
 * @param state   the new state of the mission or person, as its GET endpoint shows it
 * @param tags    what stream and webhook filters match on, e.g. {@code status -> [scheduled]},
 *                {@code crew -> [francisco-rubio, …]}, {@code agency -> [NASA, Roscosmos]}, {@code mission -> […]};
 *                the id is always matchable as {@code id}
 */
public record ChangeNotice(String type, String id, List<FieldChange> changes, String source, String eventId,
                           Object state, @JsonIgnore Map<String, Set<String>> tags) {

    public static final String MISSION_CHANGED = "mission.changed";
    public static final String CREW_CHANGED = "crew.changed";
}
