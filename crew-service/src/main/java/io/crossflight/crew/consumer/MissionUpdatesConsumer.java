package io.crossflight.crew.consumer;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crossflight.crew.store.CrewStore;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.store.EventIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code mission-updates} in Kafka batches, in partition order. A batch is one
 * transaction; its offsets are committed only after {@link #apply} committed, and a redelivered
 * event is recognised by its id. Poison records, and an event the store refuses, are
 * dead-lettered by EventIntake while the rest of the batch is applied.
 */
@ApplicationScoped
public class MissionUpdatesConsumer {

    @Inject
    EventIntake intake;

    @Inject
    DataSource dataSource;

    @Inject
    CrewStore store;

    @Incoming("mission-updates")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.handle(batch, this::apply);
    }

    /** The events in one transaction: processed-event ids, claims, recomputed rows and change log together. */
    @Transactional(rollbackOn = Exception.class)
    public int apply(List<MissionUpdateEvent> events) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return store.applyAll(c, events, true);
        }
    }
}
