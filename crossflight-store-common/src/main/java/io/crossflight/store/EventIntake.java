package io.crossflight.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.crossflight.events.InvalidEventException;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads one record of {@code mission-updates} and applies it exactly once in effect.
 *
 * <p>A record that can never be applied (not JSON, unknown schema version, data the store
 * refuses) is nacked, which the channel's {@code dead-letter-queue} failure strategy turns into a
 * record on the dead-letter topic with the reason; the consumer goes on. A transient failure
 * (database down) is retried with backoff instead, so nothing is dead-lettered for an outage.
 * The offset is committed only after the ack, i.e. after the store transaction committed.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final int MAX_NON_TRANSIENT_ATTEMPTS = 3;
    private static final long MAX_BACKOFF_MS = 5_000;

    /** Applies one event in one transaction; false when it was applied before. */
    @FunctionalInterface
    public interface Applier {
        boolean apply(MissionUpdateEvent event) throws Exception;
    }

    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter retries;

    @Inject
    public EventIntake(MeterRegistry registry) {
        applied = Counter.builder("crossflight.events.applied").description("mission-update events applied to the store").register(registry);
        duplicates = Counter.builder("crossflight.events.duplicates").description("redelivered events recognised and skipped").register(registry);
        deadLettered = Counter.builder("crossflight.events.dead.lettered").description("records sent to the dead-letter topic").register(registry);
        retries = Counter.builder("crossflight.events.retries").description("transient failures retried").register(registry);
    }

    public CompletionStage<Void> handle(Message<String> message, Applier applier) {
        MissionUpdateEvent event;
        try {
            event = MissionUpdateCodec.parse(message.getPayload());
        } catch (InvalidEventException e) {
            return deadLetter(message, e);
        }
        int attempt = 0;
        int nonTransient = 0;
        while (true) {
            attempt++;
            try {
                if (applier.apply(event)) {
                    applied.increment();
                } else {
                    duplicates.increment();
                }
                return message.ack();
            } catch (Exception e) {
                if (!isTransient(e)) {
                    nonTransient++;
                    if (e instanceof InvalidEventException || nonTransient >= MAX_NON_TRANSIENT_ATTEMPTS) {
                        return deadLetter(message, new InvalidEventException(
                                "event " + event.id() + " cannot be applied: " + rootMessage(e), e));
                    }
                }
                retries.increment();
                long backoff = Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt, 6));
                LOG.warnf("applying event %s failed (attempt %d), retrying in %d ms: %s", event.id(), attempt, backoff, rootMessage(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return message.nack(e);
                }
            }
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> message, Exception reason) {
        deadLettered.increment();
        LOG.warnf("dead-lettering a record: %s", reason.getMessage());
        return message.nack(reason);
    }

    /** Connection loss, deadlocks, serialisation failures and pool time-outs pass; bad data does not. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String cls = sql.getSQLState().substring(0, Math.min(2, sql.getSQLState().length()));
                return cls.equals("08") || cls.equals("40") || cls.equals("53") || cls.equals("57");
            }
            if (t instanceof SQLException) {
                return true; // pool acquisition time-out and friends carry no state
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
