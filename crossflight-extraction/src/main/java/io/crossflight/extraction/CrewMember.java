package io.crossflight.extraction;

import java.util.List;

/**
 * A space traveller.
 *
 * @param id          lower-case ASCII slug of the canonical Latin name: {@code francisco-rubio}
 * @param name        canonical Latin name
 * @param aliases     every other spelling or script seen (never contains {@code name})
 * @param agency      NASA, Roscosmos, ESA, JAXA, CSA, CMSA, MBRSC, Axiom Space ... or null
 * @param nationality ISO 3166 alpha-2 or null
 * @param role        astronaut, cosmonaut, taikonaut, private astronaut, or null
 */
public record CrewMember(String id, String name, List<String> aliases, String agency, String nationality, String role) {
    public CrewMember {
        aliases = List.copyOf(aliases);
    }
}
