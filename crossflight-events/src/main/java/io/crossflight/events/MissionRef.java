package io.crossflight.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A mission as named in an article.
 *
 * @param id      lower-case ASCII slug of the canonical name ({@code soyuz-ms-22})
 * @param name    canonical name ({@code Soyuz MS-22})
 * @param aliases other names seen for it ({@code 68S}, {@code Союз МС-22})
 * @param crewed  false for cargo or uncrewed flights
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MissionRef(String id, String name, List<String> aliases, boolean crewed) {
    public MissionRef {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
