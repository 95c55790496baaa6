package io.crossflight.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A space traveller. The ingest service owns identity, so {@code id} is the same in every service.
 *
 * @param aliases     other spellings and scripts ({@code Frank Rubio}, {@code Франциско Рубио})
 * @param nationality ISO 3166-1 alpha-2 when known
 * @param role        {@code astronaut}, {@code cosmonaut}, {@code taikonaut}, {@code private astronaut} or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonRef(String id, String name, List<String> aliases, String agency,
                        String nationality, String role) {
    public PersonRef {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
