package io.crossflight.crew.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** crew-service settings; every key can be overridden by its environment variable (CREW_SEARCH_MAX_PAGE_SIZE, …). */
@ConfigMapping(prefix = "crew")
public interface CrewConfig {

    Search search();

    Rebuild rebuild();

    interface Search {
        @WithDefault("20")
        int defaultPageSize();

        @WithDefault("100")
        int maxPageSize();

        /** pg_trgm word similarity a query word needs to count as a (typo-tolerant) match. */
        @WithDefault("0.5")
        double similarity();
    }

    interface Rebuild {
        /** The topic a rebuild re-reads; the same one the live channel consumes. */
        @WithDefault("mission-updates")
        String topic();

        /** The whole rebuild is one transaction, so readers keep the old store until it commits. */
        @WithDefault("PT30M")
        Duration timeout();

        @WithDefault("PT1S")
        Duration pollTimeout();
    }
}
