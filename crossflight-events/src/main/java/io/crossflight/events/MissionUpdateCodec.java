package io.crossflight.events;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON for mission-update events, with the checks a consumer needs before applying one. */
public final class MissionUpdateCodec {

    private static final Set<String> ASSIGNMENTS = Set.of(CrewClaim.PRIME, CrewClaim.BACKUP, CrewClaim.REMOVED);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Forward compatible within a version: producers may add fields.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MissionUpdateCodec() {
    }

    public static String toJson(MissionUpdateEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /** Parses and validates; throws {@link InvalidEventException} with a reason a person can act on. */
    public static MissionUpdateEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record");
        }
        MissionUpdateEvent e;
        try {
            e = MAPPER.readValue(json, MissionUpdateEvent.class);
        } catch (JsonProcessingException ex) {
            throw new InvalidEventException("not a mission-update JSON document: " + ex.getOriginalMessage(), ex);
        }
        validate(e);
        return e;
    }

    public static void validate(MissionUpdateEvent e) {
        require(MissionUpdateEvent.SPEC_VERSION.equals(e.specversion()), "unsupported CloudEvents specversion " + e.specversion());
        require(MissionUpdateEvent.TYPE.equals(e.type()), "unknown event type " + e.type());
        require(e.schemaversion() != null && e.schemaversion() == MissionUpdateEvent.SCHEMA_VERSION,
                "unknown schema version " + e.schemaversion() + " (this consumer reads version " + MissionUpdateEvent.SCHEMA_VERSION + ")");
        require(e.id() != null && !e.id().isBlank(), "event has no id");
        MissionUpdateData d = e.data();
        require(d != null, "event has no data");
        require(d.articleId() != null && !d.articleId().isBlank(), "event has no articleId");
        require(d.publishedAt() != null, "event has no publishedAt");
        require(d.mission() != null && d.mission().id() != null && !d.mission().id().isBlank(), "event has no mission id");
        require(d.mission().id().equals(Slugs.slug(d.mission().id())), "mission id is not a slug: " + d.mission().id());
        require(d.mission().name() != null && !d.mission().name().isBlank(), "event has no mission name");
        if (d.facts().status() != null) {
            require(MissionStatus.isValid(d.facts().status().value()), "unknown status " + d.facts().status().value());
        }
        for (CrewClaim c : d.crew()) {
            require(c.person() != null && c.person().id() != null && c.person().name() != null, "crew claim without a person id and name");
            require(c.person().id().equals(Slugs.slug(c.person().id())), "person id is not a slug: " + c.person().id());
            require(ASSIGNMENTS.contains(c.assignment()), "unknown assignment " + c.assignment());
        }
        for (PersonRef p : d.mentionedPeople()) {
            require(p != null && p.id() != null && p.name() != null, "mentioned person without an id and name");
            require(p.id().equals(Slugs.slug(p.id())), "person id is not a slug: " + p.id());
        }
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new InvalidEventException(reason);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
