package io.crossflight.crew.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.crossflight.crew.store.CrewStore;
import io.crossflight.store.ProcessedEvents;
import io.crossflight.store.changes.ChangeLog;

/** The store is plain JDBC code (so the property test can drive it without CDI); this wires it up. */
public class StoreProducer {

    @Produces
    @Singleton
    CrewStore crewStore(ProcessedEvents processed, ChangeLog changeLog) {
        return new CrewStore(processed, changeLog);
    }
}
