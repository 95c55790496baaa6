package io.crossflight.crew.consumer;

import java.sql.Connection;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.crossflight.crew.store.CrewStore;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.store.EventIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code mission-updates} one record at a time, in partition order. The offset is
 * committed only after {@link #apply} committed; a redelivered event is recognised by its id.
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
    public CompletionStage<Void> consume(Message<String> message) {
        return intake.handle(message, this::apply);
    }

    /** One event, one transaction: processed-event id, claims, recomputed rows and change log together. */
    @Transactional(rollbackOn = Exception.class)
    public boolean apply(MissionUpdateEvent event) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return store.apply(c, event, true);
        }
    }
}
