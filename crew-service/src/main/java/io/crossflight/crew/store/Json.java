package io.crossflight.crew.store;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.crossflight.events.MissionUpdateCodec;

/** JSON for jsonb columns, with the events' mapper so Instants look the same everywhere. */
final class Json {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Object o) {
        try {
            return MissionUpdateCodec.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return MissionUpdateCodec.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt jsonb string list", e);
        }
    }

    static PersonView view(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MissionUpdateCodec.mapper().readValue(json, PersonView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt person view", e);
        }
    }
}
