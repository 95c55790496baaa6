package io.crossflight.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crossflight.store.testapp.PostgresOnlyResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The intake's counters are there from startup, at zero, though this application never consumes a record. */
@QuarkusTest
@WithTestResource(PostgresOnlyResource.class)
class EventIntakeStartupTest {

    @Inject
    MeterRegistry registry;

    @Test
    void countersExistBeforeTheFirstRecord() {
        for (String name : new String[] { "crossflight.events.applied", "crossflight.events.duplicates",
                "crossflight.events.dead.lettered", "crossflight.events.retries", "crossflight.events.batch.fallbacks" }) {
            Counter c = registry.find(name).counter();
            assertNotNull(c, name + " registered at startup");
            assertEquals(0.0, c.count(), name);
        }
    }
}
