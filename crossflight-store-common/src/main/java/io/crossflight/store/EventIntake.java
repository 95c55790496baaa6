package io.crossflight.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.crossflight.events.InvalidEventException;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies Kafka batches of {@code mission-updates} exactly once in effect.
 *
 * <p>Every record of a batch is parsed; the valid events are applied in one transaction by the
 * service's {@link BatchApplier} (which claims their ids in that transaction), and the batch is
 * acked, so its offsets committed, only after that commit and after every dead letter of the
 * batch was acknowledged by the broker. A record that can never be applied (not JSON, unknown
 * schema version, data the store refuses) goes to the dead-letter topic with the reason and the
 * rest of the batch goes on: when the batch transaction fails for a reason other than a transient
 * one, the batch is applied again one event per transaction, so only the culprit is
 * dead-lettered. A transient failure (database down, deadlock) is retried with backoff instead,
 * so nothing is dead-lettered for an outage.
 *
 * <p>Startup bean: the counters exist (at zero) before the first record arrives.
 */
@Startup
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final int MAX_NON_TRANSIENT_ATTEMPTS = 3;
    private static final long MAX_BACKOFF_MS = 5_000;

    /**
     * Applies events in ONE transaction of its own, committed when it returns, claiming their
     * ids in it ({@link ProcessedEvents#claimAll}); returns how many were new (not applied before).
     * Called with a whole batch and, after a non-transient failure, with one event at a time.
     */
    @FunctionalInterface
    public interface BatchApplier {
        int apply(List<MissionUpdateEvent> events) throws Exception;
    }

    private record Parsed(IntakeRecord record, MissionUpdateEvent event) {
    }

    private record DeadLetter(IntakeRecord record, Exception reason) {
    }

    private final DeadLetters deadLetters;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter retries;
    private final Counter fallbacks;

    @Inject
    public EventIntake(MeterRegistry registry, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        applied = Counter.builder("crossflight.events.applied").description("mission-update events applied to the store").register(registry);
        duplicates = Counter.builder("crossflight.events.duplicates").description("redelivered events recognised and skipped").register(registry);
        deadLettered = Counter.builder("crossflight.events.dead.lettered").description("records sent to the dead-letter topic").register(registry);
        retries = Counter.builder("crossflight.events.retries").description("transient failures retried").register(registry);
        fallbacks = Counter.builder("crossflight.events.batch.fallbacks")
                .description("batches applied again one event per transaction after a non-transient failure").register(registry);
    }

    /**
     * The channel's method: applies the batch, then acks it. Blocking; call it from a
     * {@code @Blocking(ordered = true)} method. Interrupted (shutting down), it nacks the batch:
     * with {@code failure-strategy=fail} nothing of it is committed and it is consumed again.
     */
    public CompletionStage<Void> handle(KafkaRecordBatch<String, String> batch, BatchApplier applier) {
        List<IntakeRecord> records = new ArrayList<>(batch.getRecords().size());
        batch.getRecords().forEach(r -> records.add(IntakeRecord.of(r)));
        try {
            process(records, applier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return batch.nack(e);
        }
        return batch.ack();
    }

    /**
     * Applies the records' events and dead-letters what cannot be applied; returns once both are
     * done (committed, acknowledged by the broker). The caller then commits the records' offsets.
     */
    public void process(List<IntakeRecord> records, BatchApplier applier) throws InterruptedException {
        List<Parsed> valid = new ArrayList<>(records.size());
        List<DeadLetter> dead = new ArrayList<>();
        for (IntakeRecord r : records) {
            try {
                valid.add(new Parsed(r, MissionUpdateCodec.parse(r.value())));
            } catch (InvalidEventException e) {
                dead.add(new DeadLetter(r, e));
            }
        }
        if (valid.size() > 1) {
            if (!applyBatch(valid, applier)) {
                for (Parsed p : valid) {
                    applyOne(p, applier, dead);
                }
            }
        } else if (valid.size() == 1) {
            applyOne(valid.get(0), applier, dead);
        }
        deadLetter(dead);
    }

    /** The whole batch in one transaction; false after a non-transient failure (nothing of it committed). */
    private boolean applyBatch(List<Parsed> batch, BatchApplier applier) throws InterruptedException {
        List<MissionUpdateEvent> events = new ArrayList<>(batch.size());
        batch.forEach(p -> events.add(p.event()));
        for (int attempt = 1;; attempt++) {
            try {
                count(applier.apply(events), events.size());
                return true;
            } catch (Exception e) {
                if (!isTransient(e)) {
                    fallbacks.increment();
                    LOG.warnf("a batch of %d events (%s .. %s) cannot be applied as a whole, applying them one by one: %s",
                            events.size(), batch.get(0).record(), batch.get(batch.size() - 1).record(), rootMessage(e));
                    return false;
                }
                retries.increment();
                long backoff = backoff(attempt);
                LOG.warnf("applying a batch of %d events failed (attempt %d), retrying in %d ms: %s", events.size(), attempt, backoff,
                        rootMessage(e));
                Thread.sleep(backoff);
            }
        }
    }

    /** One event in its own transaction; what cannot be applied is added to {@code dead}. */
    private void applyOne(Parsed p, BatchApplier applier, List<DeadLetter> dead) throws InterruptedException {
        MissionUpdateEvent event = p.event();
        int nonTransient = 0;
        for (int attempt = 1;; attempt++) {
            try {
                count(applier.apply(List.of(event)), 1);
                return;
            } catch (Exception e) {
                if (!isTransient(e)) {
                    nonTransient++;
                    if (e instanceof InvalidEventException || nonTransient >= MAX_NON_TRANSIENT_ATTEMPTS) {
                        dead.add(new DeadLetter(p.record(), new InvalidEventException(
                                "event " + event.id() + " cannot be applied: " + rootMessage(e), e)));
                        return;
                    }
                }
                retries.increment();
                long backoff = backoff(attempt);
                LOG.warnf("applying event %s failed (attempt %d), retrying in %d ms: %s", event.id(), attempt, backoff, rootMessage(e));
                Thread.sleep(backoff);
            }
        }
    }

    private void count(int fresh, int events) {
        applied.increment(fresh);
        duplicates.increment(events - fresh);
    }

    /** Sends every dead letter and waits for the broker's acknowledgements; a failed send is sent again. */
    private void deadLetter(List<DeadLetter> letters) throws InterruptedException {
        List<DeadLetter> pending = letters;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Future<?>> sent = new ArrayList<>(pending.size());
            for (DeadLetter d : pending) {
                LOG.warnf("dead-lettering record %s to %s: %s", d.record(), deadLetters.topic(), d.reason().getMessage());
                sent.add(deadLetters.send(d.record(), d.reason()));
            }
            List<DeadLetter> failed = new ArrayList<>();
            long deadline = System.nanoTime() + deadLetters.timeout().toNanos();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    deadLettered.increment();
                } catch (ExecutionException | TimeoutException e) {
                    sent.get(i).cancel(false);
                    failed.add(pending.get(i));
                    LOG.warnf("dead letter for record %s not acknowledged: %s", pending.get(i).record(), rootMessage(e));
                }
            }
            pending = failed;
            if (!pending.isEmpty()) {
                retries.increment();
                Thread.sleep(backoff(attempt));
            }
        }
    }

    private static long backoff(int attempt) {
        return Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt, 6));
    }

    /**
     * Worth retrying: connection loss, deadlocks, serialisation failures and pool time-outs pass;
     * bad data (what the database refuses for the event itself) does not.
     */
    public static boolean isTransient(Throwable e) {
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

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
