package io.crossflight.mission.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.LaunchDateFact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.mission.store.MissionStore;
import io.crossflight.store.DeadLetters;
import io.crossflight.store.EventIntake;
import io.crossflight.store.IntakeRecord;
import io.crossflight.store.ProcessedEvents;
import io.crossflight.store.changes.ChangeLog;
import io.crossflight.testkit.TestInfra;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Issue 4, "Speed": realistic events applied into an empty store by the applier, beside the
 * raw rate of the same kind of rows written by plain batched JDBC inserts/upserts, on the same
 * database in the same run. Not a test; run it with
 *
 * <pre>
 * ./mvnw -B -o -q -pl mission-service test-compile exec:java -Dbench.events=100000
 * </pre>
 *
 * The live consumer's path is measured too: the events published to a real broker, then consumed
 * with the live channel's fetch settings and handed, one poll at a time, to the live intake
 * ({@link EventIntake#process}: parse, validate, one transaction per batch through the applier,
 * dead letters) with the offsets committed after each batch, as SmallRye does on the ack.
 * What it leaves out is SmallRye's plumbing and the JTA transaction manager around the commit.
 *
 * <p>Options: {@code -Dbench.events} (100000), {@code -Dbench.batch} (events per transaction in the
 * batched runs, 500), {@code -Dbench.single} (events for the one-event-per-transaction run, 10000),
 * {@code -Dbench.kafka=false} (skip the Kafka run), {@code -Dbench.bootstrap} (default: the test kit's
 * in-process broker), {@code -Dbench.jdbcUrl/-Dbench.user/-Dbench.password} (default: the test kit's
 * embedded PostgreSQL 15), {@code -Dbench.jdbcParams} (appended to the URL; default {@code reWriteBatchedInserts=true},
 * as the services' datasources, for every path).
 */
public final class StoreBenchmark {

    private static final String[] STATUSES = { "planned", "scheduled", "launched", "docked", "undocked", "landed", "scrubbed" };
    private static final String[] POSITIONS = { "commander", "pilot", "flight engineer", "mission specialist", null };
    private static final String[] AGENCIES = { "NASA", "Roscosmos", "ESA", "JAXA", "CNSA", "CSA" };

    /**
     * How many of a mission's latest events the raw path writes as the mission row's {@code state}
     * (a JSON array), so its mission rows are about as large as the store's folded state; the
     * run prints both sizes.
     */
    private static final int RAW_STATE_EVENTS = Integer.getInteger("bench.rawStateEvents", 7);

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.events", 100_000);
        int batch = Integer.getInteger("bench.batch", 500);
        int single = Math.min(n, Integer.getInteger("bench.single", 10_000));
        String url = System.getProperty("bench.jdbcUrl");
        String user = System.getProperty("bench.user", TestInfra.username());
        String password = System.getProperty("bench.password", "");
        if (url == null) {
            url = TestInfra.jdbcUrl("missions_bench");
            password = TestInfra.password();
        }
        // As the services' datasources are configured (application.properties); both paths use it.
        String params = System.getProperty("bench.jdbcParams", "reWriteBatchedInserts=true");
        if (params != null && !params.isBlank()) {
            url += (url.contains("?") ? "&" : "?") + params;
        }
        boolean kafka = Boolean.parseBoolean(System.getProperty("bench.kafka", "true"));
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        List<MissionUpdateEvent> events = generate(n, new Random(42));
        System.out.printf(Locale.ROOT, "%d events over %d missions, arriving shuffled; batches of %d%n", n, n / 20, batch);

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            createRawTables(c);
            MissionStore store = new MissionStore(new ProcessedEvents(), new ChangeLog());

            // Warm up the JIT and the database on a slice, then measure on an empty store each time.
            reset(c);
            applier(c, store, events.subList(0, Math.min(5_000, n)), batch);
            raw(c, events.subList(0, Math.min(5_000, n)), batch);

            reset(c);
            double rawRate = raw(c, events, batch);
            long rawRows = count(c, "SELECT (SELECT count(*) FROM raw_processed) + (SELECT count(*) FROM raw_event) + (SELECT count(*) FROM raw_claim) "
                    + "+ (SELECT count(*) FROM raw_crew_claim) + (SELECT count(*) FROM raw_mission) + (SELECT count(*) FROM raw_change_log)");
            report("raw batched JDBC inserts/upserts", n, rawRate, rawRows);
            payload(c, "raw_mission");

            reset(c);
            double batched = applier(c, store, events, batch);
            long rows = storeRows(c);
            report("applier, " + batch + " events per transaction", n, batched, rows);
            payload(c, "mission");

            double live = 0;
            if (kafka) {
                String bootstrap = System.getProperty("bench.bootstrap", null);
                LiveRun run = live(c, store, events, bootstrap == null ? TestInfra.bootstrapServers() : bootstrap);
                live = run.rate();
                report("live intake through Kafka, batches as polled", n, live, storeRows(c));
                System.out.printf(Locale.ROOT, "    %d batches, mean %.0f events, median %d, largest %d; publishing took %.1f s (not counted)%n",
                        run.batches(), (double) n / run.batches(), run.median(), run.largest(), run.publishSeconds());
            }

            reset(c);
            double perEvent = applier(c, store, events.subList(0, single), 1);
            report("applier, 1 event per transaction (the old live path)", single, perEvent, storeRows(c));

            System.out.printf(Locale.ROOT, "%nbatched applier / raw = %.0f%%, live intake / raw = %s, per-event applier / raw = %.0f%%%n",
                    100 * batched / rawRate, kafka ? String.format(Locale.ROOT, "%.0f%%", 100 * live / rawRate) : "-", 100 * perEvent / rawRate);
        }
        System.exit(0); // the embedded PostgreSQL stops on the shutdown hook
    }

    private static void report(String what, int events, double rate, long rows) {
        System.out.printf(Locale.ROOT, "%-58s %8.0f events/s  (%d events, %d rows)%n", what, rate, events, rows);
    }

    private static double applier(Connection c, MissionStore store, List<MissionUpdateEvent> events, int batch) throws SQLException {
        long t0 = System.nanoTime();
        for (int i = 0; i < events.size(); i += batch) {
            store.apply(c, events.subList(i, Math.min(events.size(), i + batch)), true);
            c.commit();
        }
        return events.size() / ((System.nanoTime() - t0) / 1e9);
    }

    record LiveRun(double rate, int batches, int median, int largest, double publishSeconds) {
    }

    /**
     * The live path: publish everything (keyed by mission, as the ingest service does), then
     * consume it into an empty store poll by poll through the live intake, committing offsets
     * after each batch. Timed from the first poll to the last commit.
     */
    private static LiveRun live(Connection c, MissionStore store, List<MissionUpdateEvent> events, String bootstrap) throws Exception {
        String topic = "bench-mission-updates-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        long p0 = System.nanoTime();
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        pp.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
            for (MissionUpdateEvent e : events) {
                producer.send(new ProducerRecord<>(topic, e.data().mission().id(), MissionUpdateCodec.toJson(e)));
            }
            producer.flush();
        }
        double publishSeconds = (System.nanoTime() - p0) / 1e9;

        reset(c);
        DeadLetters deadLetters = new DeadLetters(Map.of("bootstrap.servers", bootstrap), topic + ".dlq", Duration.ofSeconds(30));
        EventIntake intake = new EventIntake(new SimpleMeterRegistry(), deadLetters);
        EventIntake.BatchApplier applier = batch -> {
            try {
                int fresh = store.apply(c, batch, true);
                c.commit();
                return fresh;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        };
        // The live channel's consumer settings (application.properties).
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        cp.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        cp.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        cp.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "2097152");
        List<Integer> sizes = new ArrayList<>();
        long t0 = System.nanoTime();
        int consumed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
            // Assigned, not subscribed: the live consumer has long joined its group, so no rebalance in the timing.
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            t0 = System.nanoTime();
            while (consumed < events.size()) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofSeconds(1));
                if (polled.isEmpty()) {
                    continue;
                }
                List<IntakeRecord> batch = new ArrayList<>(polled.count());
                polled.forEach(r -> batch.add(IntakeRecord.of(r)));
                intake.process(batch, applier);
                consumer.commitSync();
                consumed += batch.size();
                sizes.add(batch.size());
            }
        } finally {
            deadLetters.close();
        }
        double rate = events.size() / ((System.nanoTime() - t0) / 1e9);
        List<Integer> sorted = new ArrayList<>(sizes);
        Collections.sort(sorted);
        return new LiveRun(rate, sizes.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), publishSeconds);
    }

    /**
     * What the applier writes, minus the thinking: per event one processed-event row, one event
     * row, its claim rows and one change-log row (through the commit-order trigger), per batch one
     * upsert per touched mission with a comparable payload (see RAW_STATE_EVENTS); batched, no reads.
     */
    private static double raw(Connection c, List<MissionUpdateEvent> events, int batch) throws SQLException {
        // Each mission's latest events (JSON), kept in memory: no reads, no folding.
        Map<String, java.util.ArrayDeque<String>> recent = new java.util.HashMap<>();
        long t0 = System.nanoTime();
        try (PreparedStatement pe = c.prepareStatement("INSERT INTO raw_processed (event_id, mission_id, article_id) VALUES (?,?,?) ON CONFLICT DO NOTHING");
                PreparedStatement ev = c.prepareStatement("INSERT INTO raw_event (event_id, mission_id, article_id, published_at, published_at_known, "
                        + "article_title, article_source, article_url, mission_name, aliases) VALUES (?,?,?,?,true,?,?,?,?,?) ON CONFLICT DO NOTHING");
                PreparedStatement cl = c.prepareStatement("INSERT INTO raw_claim (mission_id, field, event_id, article_id, published_at, value, "
                        + "evidence, confidence) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
                PreparedStatement cc = c.prepareStatement("INSERT INTO raw_crew_claim (mission_id, person_id, event_id, article_id, published_at, "
                        + "assignment, position, person_name, person_aliases, agency, evidence, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING");
                PreparedStatement mi = c.prepareStatement("INSERT INTO raw_mission (id, name, status, updated_at, state, detail) "
                        + "VALUES (?,?,?,?,?::json,?::json) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status, "
                        + "updated_at = EXCLUDED.updated_at, state = EXCLUDED.state, detail = EXCLUDED.detail");
                PreparedStatement lg = c.prepareStatement("INSERT INTO raw_change_log (type, entity_id, event_id, payload) VALUES (?,?,?,?::jsonb)")) {
            for (int i = 0; i < events.size(); i += batch) {
                List<MissionUpdateEvent> chunk = events.subList(i, Math.min(events.size(), i + batch));
                java.util.Map<String, MissionUpdateEvent> lastPerMission = new java.util.TreeMap<>();
                for (MissionUpdateEvent e : chunk) {
                    MissionUpdateData d = e.data();
                    Timestamp at = Timestamp.from(d.publishedAt());
                    String json = MissionUpdateCodec.toJson(e);
                    pe.setString(1, e.id());
                    pe.setString(2, d.mission().id());
                    pe.setString(3, d.articleId());
                    pe.addBatch();
                    ev.setString(1, e.id());
                    ev.setString(2, d.mission().id());
                    ev.setString(3, d.articleId());
                    ev.setTimestamp(4, at);
                    ev.setString(5, d.articleTitle());
                    ev.setString(6, d.articleSource());
                    ev.setString(7, d.articleUrl());
                    ev.setString(8, d.mission().name());
                    ev.setArray(9, c.createArrayOf("text", d.mission().aliases().toArray()));
                    ev.addBatch();
                    MissionFacts f = d.facts();
                    Object[][] facts = { { "spacecraft", f.spacecraft() }, { "launchVehicle", f.launchVehicle() }, { "launchSite", f.launchSite() },
                            { "destination", f.destination() }, { "status", f.status() } };
                    for (Object[] fact : facts) {
                        if (fact[1] != null) {
                            Fact x = (Fact) fact[1];
                            claim(c, cl, d, e.id(), at, (String) fact[0], x.value(), x.evidence(), x.confidence());
                        }
                    }
                    if (f.launchDate() != null) {
                        claim(c, cl, d, e.id(), at, "launchDate", f.launchDate().value(), f.launchDate().evidence(), f.launchDate().confidence());
                    }
                    for (CrewClaim k : d.crew()) {
                        cc.setString(1, d.mission().id());
                        cc.setString(2, k.person().id());
                        cc.setString(3, e.id());
                        cc.setString(4, d.articleId());
                        cc.setTimestamp(5, at);
                        cc.setString(6, k.assignment());
                        cc.setString(7, k.position());
                        cc.setString(8, k.person().name());
                        cc.setArray(9, c.createArrayOf("text", k.person().aliases().toArray()));
                        cc.setString(10, k.person().agency());
                        cc.setArray(11, c.createArrayOf("text", k.evidence().toArray()));
                        cc.setDouble(12, k.confidence());
                        cc.addBatch();
                    }
                    lg.setString(1, "mission.changed");
                    lg.setString(2, d.mission().id());
                    lg.setString(3, e.id());
                    lg.setString(4, json);
                    lg.addBatch();
                    lastPerMission.put(d.mission().id(), e);
                    java.util.ArrayDeque<String> last = recent.computeIfAbsent(d.mission().id(), k -> new java.util.ArrayDeque<>());
                    last.addLast(json);
                    if (last.size() > RAW_STATE_EVENTS) {
                        last.removeFirst();
                    }
                }
                for (MissionUpdateEvent e : lastPerMission.values()) {
                    String json = MissionUpdateCodec.toJson(e);
                    mi.setString(1, e.data().mission().id());
                    mi.setString(2, e.data().mission().name());
                    mi.setString(3, e.data().facts().status() == null ? null : e.data().facts().status().value());
                    mi.setTimestamp(4, Timestamp.from(e.data().publishedAt()));
                    mi.setString(5, "[" + String.join(",", recent.get(e.data().mission().id())) + "]");
                    mi.setString(6, json);
                    mi.addBatch();
                }
                pe.executeBatch();
                ev.executeBatch();
                cl.executeBatch();
                cc.executeBatch();
                mi.executeBatch();
                lg.executeBatch();
                c.commit();
            }
        }
        return events.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static void claim(Connection c, PreparedStatement cl, MissionUpdateData d, String eventId, Timestamp at, String field, String value,
                              List<String> evidence, double confidence) throws SQLException {
        cl.setString(1, d.mission().id());
        cl.setString(2, field);
        cl.setString(3, eventId);
        cl.setString(4, d.articleId());
        cl.setTimestamp(5, at);
        cl.setString(6, value);
        cl.setArray(7, c.createArrayOf("text", evidence.toArray()));
        cl.setDouble(8, confidence);
        cl.addBatch();
    }

    /** Same columns, keys and indexes as the store's tables. */
    private static void createRawTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS raw_processed, raw_event, raw_claim, raw_crew_claim, raw_mission, raw_change_log");
            st.execute("CREATE TABLE raw_processed (LIKE processed_events INCLUDING ALL)");
            st.execute("CREATE TABLE raw_event (LIKE mission_event INCLUDING ALL)");
            st.execute("CREATE TABLE raw_claim (LIKE mission_claim INCLUDING ALL)");
            st.execute("CREATE TABLE raw_crew_claim (LIKE crew_claim INCLUDING ALL)");
            st.execute("CREATE TABLE raw_mission (LIKE mission INCLUDING ALL)");
            st.execute("CREATE TABLE raw_change_log (LIKE change_log INCLUDING ALL)");
            // change_log's commit-order trigger (store-common V0_4), drawing from the same sequence.
            st.execute("CREATE OR REPLACE FUNCTION raw_change_log_serialise() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "PERFORM pg_advisory_xact_lock(4847636026523273029); "
                    + "NEW.seq := nextval(pg_get_serial_sequence('change_log', 'seq')); RETURN NEW; END $$");
            st.execute("CREATE TRIGGER raw_change_log_serialise BEFORE INSERT ON raw_change_log FOR EACH ROW EXECUTE FUNCTION raw_change_log_serialise()");
        }
        c.commit();
    }

    private static void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE mission_search_term, mission_crew, mission, crew_claim, mission_claim, mission_event, processed_events, change_log, "
                    + "raw_processed, raw_event, raw_claim, raw_crew_claim, raw_mission, raw_change_log");
            st.execute("CHECKPOINT");
        }
        c.commit();
    }

    /** Mean JSON bytes per mission row (state, detail) and the table's size with its TOAST. */
    private static void payload(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT avg(octet_length(state::text)), avg(octet_length(detail::text)), "
                + "avg(pg_column_size(state) + pg_column_size(detail)), pg_total_relation_size('" + table + "') FROM " + table)) {
            rs.next();
            System.out.printf(Locale.ROOT, "    %s rows: state %.0f B + detail %.0f B of JSON each (%.0f B stored); table %d kB%n",
                    table, rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4) / 1024);
        }
        c.commit();
    }

    private static long storeRows(Connection c) throws SQLException {
        return count(c, "SELECT (SELECT count(*) FROM processed_events) + (SELECT count(*) FROM mission_event) + (SELECT count(*) FROM mission_claim) "
                + "+ (SELECT count(*) FROM crew_claim) + (SELECT count(*) FROM mission) + (SELECT count(*) FROM mission_crew) "
                + "+ (SELECT count(*) FROM mission_search_term) + (SELECT count(*) FROM change_log)");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            c.commit();
            return v;
        }
    }

    /** ~20 articles per mission over two years, each stating some fields and some crew, arriving in random order. */
    static List<MissionUpdateEvent> generate(int n, Random r) {
        int missions = Math.max(1, n / 20);
        List<MissionUpdateEvent> out = new ArrayList<>(n);
        Instant base = Instant.parse("2021-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            int m = i % missions;
            String name = (m % 3 == 0 ? "Soyuz MS-" : m % 3 == 1 ? "Crew-" : "Shenzhou-") + (m + 1);
            MissionRef mission = new MissionRef(io.crossflight.events.Slugs.slug(name), name,
                    List.of((m + 40) + "S", "Mission " + (m + 1)), true);
            String article = "bench-" + Integer.toHexString(i * 2654435761L > 0 ? i : -i) + "-" + i;
            Instant published = base.plusSeconds(r.nextInt(730 * 86_400));
            String sentence = name + " is " + STATUSES[r.nextInt(STATUSES.length)] + " to lift off from the cosmodrome with a crew of three, "
                    + "the agency said in a statement on its website on " + LocalDate.of(2022, 1 + r.nextInt(12), 1 + r.nextInt(28)) + ".";
            Fact spacecraft = r.nextBoolean() ? Fact.of(m % 3 == 0 ? "Soyuz MS" : m % 3 == 1 ? "Crew Dragon" : "Shenzhou", sentence, 0.9) : null;
            Fact vehicle = r.nextBoolean() ? Fact.of(m % 3 == 0 ? "Soyuz-2.1a" : m % 3 == 1 ? "Falcon 9" : "Long March 2F", sentence, 0.9) : null;
            Fact site = r.nextInt(3) == 0 ? Fact.of(m % 3 == 0 ? "Baikonur Cosmodrome" : m % 3 == 1 ? "Kennedy Space Center" : "Jiuquan", sentence, 0.8) : null;
            Fact dest = r.nextInt(3) == 0 ? Fact.of(m % 3 == 2 ? "Tiangong" : "ISS", sentence, 0.8) : null;
            LaunchDateFact date = r.nextBoolean() ? new LaunchDateFact(LocalDate.of(2022, 1 + r.nextInt(12), 1 + r.nextInt(28)).toString(), "day", null,
                    "on " + (1 + r.nextInt(28)) + " March", List.of(sentence), 0.8) : null;
            Fact status = r.nextBoolean() ? Fact.of(STATUSES[r.nextInt(STATUSES.length)], sentence, 0.8) : null;
            List<CrewClaim> crew = new ArrayList<>();
            int people = r.nextInt(4);
            for (int k = 0; k < people; k++) {
                int p = m * 4 + r.nextInt(5);
                String agency = AGENCIES[p % AGENCIES.length];
                PersonRef person = new PersonRef("person-" + p, "Person Number" + p, List.of("P. Number" + p), agency, "US", "astronaut");
                String assignment = r.nextInt(10) == 0 ? "removed" : r.nextInt(5) == 0 ? "backup" : "prime";
                crew.add(new CrewClaim(person, assignment, POSITIONS[r.nextInt(POSITIONS.length)], List.of(sentence), 0.9));
            }
            out.add(MissionUpdateEvent.of(new MissionUpdateData(article, published, true, "Title of " + article, "Bench Outlet",
                    "https://news.example/" + article, mission, new MissionFacts(spacecraft, vehicle, site, dest, date, status), crew)));
        }
        Collections.shuffle(out, r);
        return out;
    }
}
