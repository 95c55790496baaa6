package io.crossflight.common.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** {@code CROSSFLIGHT_API_TOKEN}: when set, every write needs {@code Authorization: Bearer <token>}. */
@ConfigMapping(prefix = "crossflight")
public interface SecurityConfig {
    @WithName("api-token")
    Optional<String> apiToken();
}
