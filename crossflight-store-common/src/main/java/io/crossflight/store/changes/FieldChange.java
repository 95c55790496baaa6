package io.crossflight.store.changes;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One field of a mission or person that a committed event changed. */
public record FieldChange(String field,
                          @JsonProperty("old") Object oldValue,
                          @JsonProperty("new") Object newValue) {
}
