package io.crossflight.store;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.crossflight.events.MissionUpdateEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code mission-updates} into the service's {@link MissionUpdateStore}, in Kafka batches
 * and partition order. A batch is one transaction; it is acked, so its offsets committed, only
 * after {@link #apply} committed, and a redelivered event is recognised by its id. Poison records,
 * and an event the store refuses, are dead-lettered by {@link EventIntake} while the rest of the
 * batch is applied. The channel is configured by each service ({@code mp.messaging.incoming.mission-updates.*},
 * with {@code batch=true} and its own group id and dead-letter topic).
 */
@ApplicationScoped
public class MissionUpdatesConsumer {

    @Inject
    EventIntake intake;

    @Inject
    DataSource dataSource;

    @Inject
    MissionUpdateStore store;

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
            return store.applyConsumed(c, events);
        }
    }
}
