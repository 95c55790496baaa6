package io.crossflight.mission.consumer;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.store.MissionStore;
import io.crossflight.store.EventIntake;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Builds the store from {@code mission-updates}: one event, one transaction (processed-event
 * id, claims, materialised mission, change log), acked — and its offset committed — only after
 * the commit. Poison records go to {@code mission-updates.dlq.mission-service} via EventIntake.
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
    public CompletionStage<Void> consume(Message<String> message) {
        return intake.handle(message, this::apply);
    }

    /** False when the event was applied before (a redelivery). Checked exceptions roll back too. */
    @Transactional(rollbackOn = Exception.class)
    public boolean apply(MissionUpdateEvent event) throws Exception {
        if (!QuarkusTransaction.isActive()) {
            // Without the interceptor every statement would commit on its own: refuse loudly.
            throw new IllegalStateException("apply must run in a transaction");
        }
        try (Connection c = dataSource.getConnection()) {
            return store.apply(c, List.of(event), true) == 1;
        }
    }
}
