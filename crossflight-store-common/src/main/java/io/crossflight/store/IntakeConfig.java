package io.crossflight.store;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code crossflight.intake.*}: how the store services consume {@code mission-updates} (env CROSSFLIGHT_INTAKE_…). */
@ConfigMapping(prefix = "crossflight.intake")
public interface IntakeConfig {

    /** Where records that can never be applied go, as they were consumed, with the reason in {@code dead-letter-reason}. */
    @WithDefault("dead-letter-topic-mission-updates")
    String deadLetterTopic();

    /** How long the broker may take to acknowledge a dead letter before it is sent again. */
    @WithDefault("30s")
    Duration deadLetterTimeout();
}
