package io.crossflight.extraction;

import java.util.Collection;

/**
 * Who the system already knows. The ingest service owns identity across articles (its own table
 * of people and aliases); the reader asks it for candidates and makes the final call itself, so
 * every implementation gets the same matching rules (surname first, nickname table, Jaro-Winkler,
 * scripts transliterated).
 *
 * <p>Implementations must be safe for concurrent use when one reader serves several threads.
 */
public interface PersonDirectory {

    /**
     * Known people who may be the one named. {@code key} is one of {@link PersonNames#lookupKeys(String)}
     * of the name in question; return at least every person having an alias (or name) with the same
     * lookup key. Returning more is fine.
     */
    Collection<CrewMember> candidates(String key);

    /**
     * A person the reader recognised: new, or known with new aliases or facts (same id). Merge by id,
     * union the aliases. Implementations that persist elsewhere may also take them from
     * {@link Reading#people()} instead and make this a no-op.
     */
    void remember(CrewMember person);

    /** A directory that knows nobody and forgets everything. */
    static PersonDirectory none() {
        return new PersonDirectory() {
            @Override
            public Collection<CrewMember> candidates(String key) {
                return java.util.List.of();
            }

            @Override
            public void remember(CrewMember person) {
            }
        };
    }
}
