package io.crossflight.extraction;

import java.util.List;

/**
 * A mission as named in the news.
 *
 * @param id      lower-case ASCII slug of the canonical name: {@code soyuz-ms-22}, {@code crew-5}
 * @param name    canonical name: "Soyuz MS-22", "SpaceX Crew-5", "Axiom Mission 1", "Shenzhou-15"
 * @param aliases other names seen or implied ("68S", "Союз МС-22", "Crew-5", "Ax-1")
 * @param crewed  false for cargo ships (Progress, Dragon CRS, Cygnus, Tianzhou) and test flights without crew
 */
public record Mission(String id, String name, List<String> aliases, boolean crewed) {
    public Mission {
        aliases = List.copyOf(aliases);
    }
}
