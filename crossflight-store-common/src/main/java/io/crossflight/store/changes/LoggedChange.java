package io.crossflight.store.changes;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crossflight.events.MissionUpdateCodec;

/**
 * One committed row of change_log.
 *
 * @param seq     commit-ordered position; the SSE event id and the webhook change reference
 * @param payload the {@link ChangeNotice} as JSON
 * @param tags    what filters match on (lower-case)
 * @param time    when the change was recorded
 */
public record LoggedChange(long seq, String type, String entityId, String eventId, ObjectNode payload,
                           Map<String, Set<String>> tags, Instant time) {

    /**
     * The message SSE clients and webhook receivers get, the same for both:
     * {@code type, id, changes, source, eventId, seq, time, state}.
     */
    public ObjectNode message() {
        ObjectNode m = MissionUpdateCodec.mapper().createObjectNode();
        m.put("type", type);
        m.put("id", entityId);
        m.set("changes", payload.path("changes").isMissingNode() ? m.arrayNode() : payload.get("changes"));
        m.set("source", payload.get("source"));
        m.put("eventId", eventId);
        m.put("seq", seq);
        m.put("time", time.toString());
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = payload.fields(); it.hasNext();) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f = it.next();
            if (!m.has(f.getKey())) {
                m.set(f.getKey(), f.getValue()); // state and anything a later notice adds
            }
        }
        return m;
    }

    public String messageJson() {
        return message().toString();
    }
}
