package io.crossflight.mission.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.crossflight.common.rest.ProblemException;
import io.crossflight.events.InvalidEventException;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.config.MissionConfig;
import io.crossflight.mission.store.MissionStore;
import io.crossflight.store.EventIntake;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the store from the beginning of the topic: empties it, then reads every partition
 * from offset 0 up to the end offsets seen after emptying, applying batches in one transaction
 * each (an event the store refuses is skipped, as the live consumer dead-lettered it). The live
 * consumer keeps running meanwhile: what it applies after the reset stays, what
 * it applied before is read again here, and the processed-event log plus the order-independent
 * fold make the overlap harmless, so the rebuilt store equals the one built live.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    /** What GET /admin/rebuild reports. */
    public record Status(String state, Instant startedAt, Instant finishedAt, long recordsRead, long eventsApplied,
                         long recordsSkipped, String error) {
        static final Status IDLE = new Status("idle", null, null, 0, 0, 0, null);
    }

    @Inject
    DataSource dataSource;

    @Inject
    MissionStore store;

    @Inject
    MissionConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mission-rebuild");
        t.setDaemon(true);
        return t;
    });

    public Status status() {
        return status.get();
    }

    public synchronized Status start() {
        Status cur = status.get();
        if ("running".equals(cur.state())) {
            throw new ProblemException(409, "Conflict", "A rebuild is already running (started " + cur.startedAt()
                    + "); follow it with GET /admin/rebuild.");
        }
        Status running = new Status("running", Instant.now(), null, 0, 0, 0, null);
        status.set(running);
        executor.submit(() -> run(running.startedAt()));
        return running;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void run(Instant startedAt) {
        long read = 0;
        long applied = 0;
        long skipped = 0;
        try {
            QuarkusTransaction.requiringNew().run(this::reset);
            LOG.info("store reset; replaying " + config.topic() + " from the beginning");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
                List<TopicPartition> partitions = new ArrayList<>();
                List<PartitionInfo> infos = consumer.partitionsFor(config.topic(), Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long lastProgress = System.nanoTime();
                while (!reached(consumer, end)) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("shutting down");
                    }
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) {
                        if (System.nanoTime() - lastProgress > config.rebuild().stallTimeout().toNanos()) {
                            throw new IllegalStateException("the topic yielded nothing for " + config.rebuild().stallTimeout()
                                    + " before its end offsets " + end + " were reached");
                        }
                        continue;
                    }
                    lastProgress = System.nanoTime();
                    List<MissionUpdateEvent> batch = new ArrayList<>();
                    for (ConsumerRecord<String, String> r : records) {
                        read++;
                        try {
                            batch.add(MissionUpdateCodec.parse(r.value()));
                        } catch (InvalidEventException e) {
                            skipped++; // dead-lettered when it was first consumed; nothing to apply
                        }
                        if (batch.size() >= config.rebuild().batchSize()) {
                            Applied a = apply(batch);
                            applied += a.applied();
                            skipped += a.refused();
                            batch = new ArrayList<>();
                        }
                    }
                    Applied a = apply(batch);
                    applied += a.applied();
                    skipped += a.refused();
                    status.set(new Status("running", startedAt, null, read, applied, skipped, null));
                }
            }
            status.set(new Status("succeeded", startedAt, Instant.now(), read, applied, skipped, null));
            LOG.infof("rebuild done: %d records read, %d events applied, %d skipped", read, applied, skipped);
        } catch (Throwable e) {
            LOG.error("rebuild failed", e);
            status.set(new Status("failed", startedAt, Instant.now(), read, applied, skipped, String.valueOf(e.getMessage())));
        }
    }

    private void reset() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE mission_search_term, mission_crew, mission, crew_claim, mission_claim, mission_event, processed_events");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the mission store", e);
        }
    }

    private record Applied(int applied, int refused) {
    }

    /**
     * The batch in one transaction; if the store refuses one of its events, one event per
     * transaction, skipping the refused ones (the live consumer dead-lettered them), so one bad
     * event on the topic cannot make every rebuild fail.
     */
    private Applied apply(List<MissionUpdateEvent> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return new Applied(0, 0);
        }
        try {
            return new Applied(applyWithRetry(batch, 1), 0);
        } catch (RuntimeException e) {
            if (EventIntake.isTransient(e)) {
                throw e;
            }
            LOG.warnf("a rebuild batch of %d events cannot be applied as a whole, applying them one by one: %s", batch.size(), e.getMessage());
        }
        int applied = 0;
        int refused = 0;
        for (MissionUpdateEvent event : batch) {
            try {
                applied += applyWithRetry(List.of(event), 3);
            } catch (RuntimeException e) {
                if (EventIntake.isTransient(e)) {
                    throw e;
                }
                refused++;
                LOG.warnf("rebuild skips event %s, which the store refuses: %s", event.id(), e.getMessage());
            }
        }
        return new Applied(applied, refused);
    }

    /** A batch can deadlock with the live consumer on the same mission; PostgreSQL aborts one, we try again. */
    private int applyWithRetry(List<MissionUpdateEvent> batch, int nonTransientAttempts) throws InterruptedException {
        int nonTransient = 0;
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return store.apply(c, batch, false);
                    }
                });
            } catch (RuntimeException e) {
                if (!EventIntake.isTransient(e)) {
                    nonTransient++;
                }
                if (attempt >= 5 || nonTransient >= nonTransientAttempts) {
                    throw e;
                }
                LOG.warnf("rebuild batch failed (attempt %d), retrying: %s", attempt, e.getMessage());
                Thread.sleep(200L * attempt);
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "mission-service-rebuild");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }
}
