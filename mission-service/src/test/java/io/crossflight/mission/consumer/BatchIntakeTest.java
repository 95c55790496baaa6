package io.crossflight.mission.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.mission.Fixtures;
import io.crossflight.mission.KafkaSupport;
import io.crossflight.mission.StoreHarness;
import io.crossflight.store.DeadLetters;
import io.crossflight.store.EventIntake;
import io.crossflight.store.IntakeRecord;
import io.crossflight.testkit.TestInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The batch intake with batches of our own making, so what is in one batch is certain: the real
 * store on real PostgreSQL as the applier, dead letters on the real broker. (SmallRye decides
 * where a live batch ends; MissionServiceTest covers the same cases through the channel.)
 */
class BatchIntakeTest {

    private static final String TOPIC = "mission-updates";

    private static StoreHarness db;
    private static String dlq;
    private static DeadLetters deadLetters;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventIntake intake = new EventIntake(registry, deadLetters);
    private long nextOffset = 1000;

    @BeforeAll
    static void setUp() throws Exception {
        db = new StoreHarness(TestInfra.jdbcUrl("missions_intake"), TestInfra.username(), TestInfra.password());
        db.truncate();
        dlq = "mission-updates.dlq.intake-test-" + UUID.randomUUID();
        deadLetters = new DeadLetters(Map.of("bootstrap.servers", TestInfra.bootstrapServers()), dlq, Duration.ofSeconds(30));
    }

    @AfterAll
    static void tearDown() throws Exception {
        deadLetters.close();
        db.close();
    }

    /** The consumer's applier, on a plain connection: one transaction per call. */
    private int apply(List<MissionUpdateEvent> events) throws Exception {
        try {
            int n = db.store.apply(db.connection, events, true);
            db.connection.commit();
            return n;
        } catch (Exception e) {
            db.connection.rollback();
            throw e;
        }
    }

    @Test
    void poisonInTheMiddleOfABatchIsDeadLetteredAndEveryGoodEventAppliedOnce() throws Exception {
        MissionRef m = Fixtures.mission("bi-poison-ms", "BI Poison MS");
        MissionUpdateEvent e1 = Fixtures.soyuzDecember("bi-p1", m);
        MissionUpdateEvent e2 = Fixtures.soyuzJuly("bi-p2", m);
        MissionUpdateEvent e3 = Fixtures.soyuzSeptember("bi-p3", m);
        String notJson = "bi-poison: not JSON {";
        String v99 = MissionUpdateCodec.toJson(Fixtures.soyuzDecember("bi-p9", m)).replace("\"schemaversion\":1", "\"schemaversion\":99");
        List<IntakeRecord> batch = List.of(record(e1), record(m.id(), notJson), record(e2), record(m.id(), v99), record(e3));
        AtomicInteger transactions = new AtomicInteger();

        intake.process(batch, events -> {
            transactions.incrementAndGet();
            return apply(events);
        });

        assertEquals(1, transactions.get(), "the good events are applied in one transaction");
        assertEquals(3, counter("crossflight.events.applied"));
        assertEquals(2, counter("crossflight.events.dead.lettered"));
        assertEquals(0, counter("crossflight.events.batch.fallbacks"));
        assertEquals(3, db.count("SELECT count(*) FROM processed_events WHERE mission_id = 'bi-poison-ms'"));
        assertEquals(3, db.count("SELECT count(*) FROM mission_event WHERE mission_id = 'bi-poison-ms'"));
        // Logged through ChangeLog.recordAll: with the filter tags SSE and webhooks match on.
        assertEquals(3, db.count("SELECT count(*) FROM change_log WHERE entity_id = 'bi-poison-ms' AND tags->'id' ? 'bi-poison-ms' "
                + "AND tags->'crew' ? 'sergey-prokopyev'"));
        assertEquals(2, db.count("SELECT count(*) FROM change_log WHERE entity_id = 'bi-poison-ms' AND tags->'crew' ? 'francisco-rubio'"));

        List<ConsumerRecord<String, String>> dead = KafkaSupport.readAll(dlq);
        ConsumerRecord<String, String> d1 = find(dead, notJson);
        ConsumerRecord<String, String> d2 = find(dead, v99);
        assertTrue(header(d1, "dead-letter-reason").contains("not a mission-update JSON document"), header(d1, "dead-letter-reason"));
        assertTrue(header(d2, "dead-letter-reason").contains("unknown schema version 99"), header(d2, "dead-letter-reason"));
        assertEquals("bi-poison-ms", d1.key());
        assertEquals(TOPIC, header(d1, "dead-letter-topic"));
        assertEquals("0", header(d1, "dead-letter-partition"));
        assertEquals(Long.toString(batch.get(1).offset()), header(d1, "dead-letter-offset"));
        assertEquals(Long.toString(batch.get(3).offset()), header(d2, "dead-letter-offset"));
        assertEquals("io.crossflight.events.InvalidEventException", header(d1, "dead-letter-exception-class-name"));
        assertEquals("the original header", header(d1, "origin"));

        // Redelivery of the whole batch (the offsets were not committed): nothing is applied twice.
        String before = db.snapshot();
        long logged = db.count("SELECT count(*) FROM change_log");
        intake.process(batch, this::apply);
        assertEquals(3, counter("crossflight.events.applied"));
        assertEquals(3, counter("crossflight.events.duplicates"));
        assertEquals(before, db.snapshot());
        assertEquals(logged, db.count("SELECT count(*) FROM change_log"));
    }

    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAndTheRestOfItsBatchApplied() throws Exception {
        MissionRef m = Fixtures.mission("bi-refused-ms", "BI Refused MS");
        MissionUpdateEvent e1 = Fixtures.soyuzDecember("bi-r1", m);
        // Valid JSON and a valid event, but PostgreSQL text cannot hold a NUL character.
        MissionUpdateEvent refused = Fixtures.article("bi-r2", "2022-07-15T08:00:00Z", m).title("Scraped \u0000 title")
                .status("scheduled", "It is scheduled.").build();
        MissionUpdateEvent e3 = Fixtures.soyuzSeptember("bi-r3", m);
        MissionUpdateEvent dup = e1; // and a duplicate inside the batch
        List<IntakeRecord> batch = List.of(record(e1), record(refused), record(e3), record(dup));

        intake.process(batch, this::apply);

        assertEquals(1, counter("crossflight.events.batch.fallbacks"));
        assertEquals(2, counter("crossflight.events.applied"));
        assertEquals(1, counter("crossflight.events.duplicates"));
        assertEquals(1, counter("crossflight.events.dead.lettered"));
        assertEquals(1, db.count("SELECT count(*) FROM processed_events WHERE article_id = 'bi-r1'"));
        assertEquals(1, db.count("SELECT count(*) FROM processed_events WHERE article_id = 'bi-r3'"));
        assertEquals(2, db.count("SELECT count(*) FROM mission_event WHERE mission_id = 'bi-refused-ms'"));
        assertEquals(0, db.count("SELECT count(*) FROM processed_events WHERE article_id = 'bi-r2'"));
        ConsumerRecord<String, String> d = find(KafkaSupport.readAll(dlq), MissionUpdateCodec.toJson(refused));
        String reason = header(d, "dead-letter-reason");
        assertTrue(reason.startsWith("event " + refused.id() + " cannot be applied: "), reason);
        assertEquals(Long.toString(batch.get(1).offset()), header(d, "dead-letter-offset"));
    }

    @Test
    void aTransientFailureRetriesTheBatchAndDeadLettersNothing() throws Exception {
        MissionRef m = Fixtures.mission("bi-transient-ms", "BI Transient MS");
        List<IntakeRecord> batch = List.of(record(Fixtures.soyuzDecember("bi-t1", m)), record(Fixtures.soyuzJuly("bi-t2", m)));
        AtomicInteger calls = new AtomicInteger();

        intake.process(batch, events -> {
            if (calls.incrementAndGet() == 1) {
                throw new SQLTransientConnectionException("connection reset");
            }
            return apply(events);
        });

        assertEquals(2, calls.get(), "retried once, as a whole");
        assertEquals(1, counter("crossflight.events.retries"));
        assertEquals(2, counter("crossflight.events.applied"));
        assertEquals(0, counter("crossflight.events.dead.lettered"));
        assertEquals(0, counter("crossflight.events.batch.fallbacks"));
    }

    private double counter(String name) {
        return registry.counter(name).count();
    }

    private IntakeRecord record(MissionUpdateEvent e) {
        return record(e.data().mission().id(), MissionUpdateCodec.toJson(e));
    }

    private IntakeRecord record(String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("origin", "the original header".getBytes(StandardCharsets.UTF_8));
        return new IntakeRecord(TOPIC, 0, nextOffset++, key, value, headers);
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String value) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        records.stream().filter(r -> value.equals(r.value())).forEach(found::add);
        assertEquals(1, found.size(), "on the dead-letter topic once: " + value);
        return found.get(0);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        assertNotNull(h, "no header " + name);
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
