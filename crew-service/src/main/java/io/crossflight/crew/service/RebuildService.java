package io.crossflight.crew.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.crossflight.common.rest.ProblemException;
import io.crossflight.crew.config.CrewConfig;
import io.crossflight.crew.store.CrewReader;
import io.crossflight.crew.store.CrewStore;
import io.crossflight.crew.store.PersonView;
import io.crossflight.events.InvalidEventException;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.store.changes.ChangeNotice;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds the store from the beginning of the topic: empties it (processed-event log included) and
 * re-applies every record up to the current end offsets, all in one transaction. Readers keep the old
 * store until the commit; the live consumer waits on the store lock meanwhile and afterwards finds the
 * replayed events already applied. Subscribers hear only the net difference, normally none.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    @Inject
    DataSource dataSource;

    @Inject
    CrewStore store;

    @Inject
    CrewConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicBoolean running = new AtomicBoolean();

    public RebuildReport rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new ProblemException(409, "Conflict", "A rebuild is already running; wait for it to finish.");
        }
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout((int) config.rebuild().timeout().toSeconds())
                    .call(this::replay);
        } finally {
            running.set(false);
        }
    }

    private RebuildReport replay() throws SQLException {
        long started = System.nanoTime();
        String id = "rebuild-" + UUID.randomUUID();
        String topic = config.rebuild().topic();
        try (Connection c = dataSource.getConnection()) {
            CrewStore.lock(c);
            Map<String, PersonView> before = CrewReader.allViews(c);
            CrewStore.reset(c);
            long read = 0, applied = 0, duplicates = 0, invalid = 0, failed = 0;
            Map<Integer, Long> reported = new TreeMap<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                List<TopicPartition> partitions = infos == null ? List.of()
                        : infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                // The snapshot: everything up to here is replayed, anything later is the live consumer's.
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                end.forEach((tp, off) -> reported.put(tp.partition(), off));
                while (!caughtUp(consumer, end)) {
                    for (ConsumerRecord<String, String> rec : consumer.poll(config.rebuild().pollTimeout())) {
                        if (rec.offset() >= end.get(new TopicPartition(rec.topic(), rec.partition()))) {
                            continue;
                        }
                        read++;
                        MissionUpdateEvent event;
                        try {
                            event = MissionUpdateCodec.parse(rec.value());
                        } catch (InvalidEventException e) {
                            invalid++;
                            continue;
                        }
                        // A savepoint per event, so one refused event does not abort the whole rebuild.
                        exec(c, "SAVEPOINT crew_rebuild_event");
                        try {
                            if (store.apply(c, event, false)) {
                                applied++;
                            } else {
                                duplicates++;
                            }
                            exec(c, "RELEASE SAVEPOINT crew_rebuild_event");
                        } catch (SQLException | RuntimeException e) {
                            exec(c, "ROLLBACK TO SAVEPOINT crew_rebuild_event");
                            failed++;
                            LOG.warnf("rebuild %s: event %s refused: %s", id, event.id(), e.getMessage());
                        }
                    }
                }
            }
            Map<String, PersonView> after = CrewReader.allViews(c);
            Set<String> ids = new TreeSet<>(before.keySet());
            ids.addAll(after.keySet());
            long changed = 0;
            List<ChangeNotice> notices = new ArrayList<>();
            for (String personId : ids) {
                PersonView was = before.get(personId);
                PersonView now = after.get(personId);
                if (!Objects.equals(was, now)) {
                    changed++;
                    if (now != null) {
                        store.notice(new CrewStore.Change(personId, was, now), null, id).ifPresent(notices::add);
                    } else {
                        LOG.warnf("rebuild %s: %s is no longer in the store (no event on the topic mentions them)", id, personId);
                    }
                }
            }
            store.record(c, notices);
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("rebuild %s: %d records read, %d applied, %d duplicates, %d invalid, %d refused, %d people (%d changed) in %d ms",
                    id, read, applied, duplicates, invalid, failed, after.size(), changed, ms);
            return new RebuildReport(id, topic, reported, read, applied, duplicates, invalid, failed, after.size(), changed, ms);
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // No group: partitions are assigned by hand and no offsets are committed, so the live
        // consumer group is untouched.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "crew-service-rebuild");
        return p;
    }
}
