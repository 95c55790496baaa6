package io.crossflight.mission.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** mission-service settings; every one can be overridden by an environment variable (MISSION_REBUILD_BATCH_SIZE, …). */
@ConfigMapping(prefix = "mission")
public interface MissionConfig {

    /** The topic the store is built from. */
    @WithDefault("mission-updates")
    String topic();

    Rebuild rebuild();

    Search search();

    interface Rebuild {
        /** Events applied per transaction while rebuilding. */
        @WithDefault("500")
        int batchSize();

        /** Gives up when the topic yields nothing for this long before its end offsets are reached. */
        @WithDefault("PT60S")
        Duration stallTimeout();
    }

    interface Search {
        /** pg_trgm word similarity a name must reach to match a query with typos (0..1). */
        @WithDefault("0.5")
        double wordSimilarity();
    }
}
