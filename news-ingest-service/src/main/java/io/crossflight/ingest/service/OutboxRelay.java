package io.crossflight.ingest.service;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.crossflight.ingest.config.IngestConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drains the transactional outbox to Kafka. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * (several replicas share the work), sent with an idempotent acks=all producer, and marked sent
 * only after the broker acknowledged every record of the batch. A broker that is down leaves the
 * rows queued; they go out once it is back. A crash between send and mark re-sends the same event
 * ids, which the consumers recognise.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    DataSource dataSource;

    @Inject
    IngestConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    private final Object signal = new Object();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean woken;
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent ev) {
        Gauge.builder("crossflight.outbox.backlog", backlog, AtomicLong::get)
                .description("events stored but not yet acknowledged by Kafka").register(registry);
        published = Counter.builder("crossflight.outbox.published").description("events acknowledged by Kafka").register(registry);
        failures = Counter.builder("crossflight.outbox.send.failures").description("batches the broker did not acknowledge").register(registry);
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.relay().bootstrapServers().orElse(bootstrapServers));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "news-ingest-outbox-relay");
        long timeout = config.relay().sendTimeout().toMillis();
        // Fail a batch within the send timeout instead of blocking the relay for a minute.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 10_000));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 10_000 + 5));
        return p;
    }

    /** Called after an article's transaction committed, so its events leave at once. */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try {
                int sent = drainOnce();
                backoff = 0;
                if (sent > 0) {
                    continue;
                }
                await(config.relay().pollInterval().toMillis());
            } catch (Exception e) {
                failures.increment();
                recordFailure(rootMessage(e));
                backoff = Math.min(10_000, backoff == 0 ? 250 : backoff * 2);
                LOG.warnf("outbox relay: %s; retrying in %d ms", rootMessage(e), backoff);
                sleep(backoff);
            }
        }
    }

    private void await(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!woken && running) {
                signal.wait(millis);
            }
            woken = false;
        }
    }

    /** The outbox rows of the batch being sent, for {@link #recordFailure}. */
    private volatile List<Long> attempted = List.of();

    /** Sends one batch; returns how many events the broker acknowledged. */
    int drainOnce() {
        int n = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<Long> ids = new ArrayList<>();
                attempted = ids;
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT id, topic, record_key, payload FROM outbox
                        WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                    ps.setInt(1, config.relay().batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4));
                            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                            acks.add(producer.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return 0;
                }
                producer.flush();
                long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(?)")) {
                    Array array = c.createArrayOf("bigint", ids.toArray());
                    ps.setArray(1, array);
                    ps.executeUpdate();
                }
                return ids.size();
            }
        });
        if (n > 0) {
            published.increment(n);
        }
        refreshBacklog();
        return n;
    }

    /**
     * The rows of a batch that failed stay queued; each keeps how often it was tried and why it
     * last failed (the batch's own transaction was rolled back, so this is a new one).
     */
    private void recordFailure(String error) {
        List<Long> ids = attempted;
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY(?) AND published_at IS NULL")) {
            ps.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("cannot record the outbox failure: %s", e.getMessage());
        }
    }

    private void refreshBacklog() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE published_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            backlog.set(rs.getLong(1));
        } catch (SQLException e) {
            LOG.debugf("cannot count outbox backlog: %s", e.getMessage());
        }
    }

    public long backlog() {
        refreshBacklog();
        return backlog.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
