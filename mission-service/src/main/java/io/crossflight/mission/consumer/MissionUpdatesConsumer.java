package io.crossflight.mission.consumer;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.store.MissionStore;
import io.crossflight.store.EventIntake;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Builds the store from {@code mission-updates}, one Kafka batch per transaction (processed-event
 * ids, claims, materialised missions, change log: the rebuild's batch path), acked — and its
 * offsets committed — only after the commit. Poison records, and an event the store refuses, go
 * to {@code mission-updates.dlq.mission-service} via EventIntake; the rest of the batch is applied.
 */
@ApplicationScoped
public class MissionUpdatesConsumer {

    @Inject
    EventIntake intake;

    @Inject
    MissionStore store;

    @Inject
    DataSource dataSource;

    @Incoming("mission-updates")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.handle(batch, this::apply);
    }

    /** The events in one transaction; how many were new. Checked exceptions roll back too. */
    @Transactional(rollbackOn = Exception.class)
    public int apply(List<MissionUpdateEvent> events) throws Exception {
        if (!QuarkusTransaction.isActive()) {
            // Without the interceptor every statement would commit on its own: refuse loudly.
            throw new IllegalStateException("apply must run in a transaction");
        }
        try (Connection c = dataSource.getConnection()) {
            return store.apply(c, events, true);
        }
    }
}
