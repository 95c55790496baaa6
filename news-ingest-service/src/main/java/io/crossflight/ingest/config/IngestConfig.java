package io.crossflight.ingest.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "crossflight.ingest")
public interface IngestConfig {

    /** Largest article body accepted, in bytes (1 MiB). */
    @WithDefault("1048576")
    int maxArticleBytes();

    Relay relay();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("mission-updates")
        String topic();

        /** Where the relay sends; defaults to {@code kafka.bootstrap.servers}. */
        Optional<String> bootstrapServers();

        /** How often the relay looks for events whose wake-up it missed (another replica, a restart). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** How long one batch may wait for the broker's acknowledgements before it is retried. */
        @WithDefault("15s")
        Duration sendTimeout();
    }
}
