package io.crossflight.store.changes;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code crossflight.streams.*}: how live SSE streams follow the change log. */
@ConfigMapping(prefix = "crossflight.streams")
public interface StreamsConfig {

    /** How often the change log is polled for changes committed by another replica (local commits wake it at once). */
    @WithDefault("250ms")
    Duration pollInterval();

    /** An SSE comment this often keeps proxies from closing an idle stream. */
    @WithDefault("15s")
    Duration heartbeat();

    /** The reconnection delay suggested to SSE clients. */
    @WithDefault("2s")
    Duration retry();

    /** Events buffered for one slow client before its stream is ended; it resumes with Last-Event-ID. */
    @WithDefault("10000")
    int clientBuffer();
}
