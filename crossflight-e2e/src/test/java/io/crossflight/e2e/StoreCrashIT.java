package io.crossflight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crossflight.events.CrewClaim;
import io.crossflight.events.Fact;
import io.crossflight.events.LaunchDateFact;
import io.crossflight.events.MissionFacts;
import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.events.PersonRef;
import io.crossflight.testkit.TestInfra;

/**
 * A store service killed with SIGKILL in the middle of a stream of events, then restarted,
 * loses nothing and applies nothing twice: the packaged service runs as its own process against
 * the real Kafka broker and PostgreSQL of the test kit.
 */
class StoreCrashIT {

    private static final int EVENTS = 2000;
    private static final int MISSIONS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STATUSES = { "planned", "scheduled", "launched", "docked", "landed" };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path logs;

    @ParameterizedTest
    @ValueSource(strings = { "mission-service", "crew-service" })
    void killedMidStreamThenRestartedLosesAndDuplicatesNothing(String service) throws Exception {
        String topic = "crash-" + service;
        String database = "crash_" + service.replace('-', '_');
        String jdbcUrl = TestInfra.jdbcUrl(database);
        List<MissionUpdateEvent> events = events();
        int port = freePort();
        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", TestInfra.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", TestInfra.username(),
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "MP_MESSAGING_INCOMING_MISSION_UPDATES_TOPIC", topic,
                "MP_MESSAGING_INCOMING_MISSION_UPDATES_DEAD_LETTER_QUEUE_TOPIC", topic + ".dlq");

        Process first = start(service, env, "first");
        try {
            waitFor(Duration.ofMinutes(3), () -> ready(port), service + " did not become ready; see " + logs);
            produce(topic, events);
            waitFor(Duration.ofMinutes(2), () -> applied(jdbcUrl) > 0, "nothing was applied");
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } finally {
            first.destroyForcibly();
        }
        long beforeRestart = applied(jdbcUrl);
        System.out.printf("%s killed after applying %d of %d events%n", service, beforeRestart, EVENTS);
        assertTrue(beforeRestart < EVENTS, "the kill must land mid-stream (applied " + beforeRestart + " of " + EVENTS + ")");

        Process second = start(service, env, "second");
        try {
            waitFor(Duration.ofMinutes(3), () -> ready(port), service + " did not restart; see " + logs);
            waitFor(Duration.ofMinutes(4), () -> applied(jdbcUrl) == EVENTS, "not every event was applied after the restart");
            assertEquals(EVENTS, applied(jdbcUrl));
            assertEquals(0, count(jdbcUrl, "SELECT count(*) FROM (SELECT event_id, entity_id FROM change_log GROUP BY 1, 2 HAVING count(*) > 1) twice"),
                    "no change announced twice for one event");
            for (MissionUpdateEvent e : List.of(events.get(0), events.get(EVENTS / 2), events.get(EVENTS - 1))) {
                assertEquals(200, get(port, "/applied-events/" + e.id()).statusCode());
            }
            assertEquals(0, dlqRecords(topic + ".dlq"), "nothing was dead-lettered");
            if (service.equals("mission-service")) {
                assertEquals(EVENTS, count(jdbcUrl, "SELECT count(*) FROM mission_event"));
                assertMaterialisedEqualsFoldOfClaims(port);
            } else {
                assertEquals(EVENTS, count(jdbcUrl, "SELECT count(*) FROM crew_mission_facts"));
                assertEquals(EVENTS * 2L, count(jdbcUrl, "SELECT count(*) FROM crew_claims"));
            }
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    /** After the crash, what the store shows equals what its claims say (asOf folds the claims afresh). */
    private void assertMaterialisedEqualsFoldOfClaims(int port) throws Exception {
        for (int m = 0; m < MISSIONS; m += 7) {
            String id = "crash-mission-" + m;
            JsonNode live = JSON.readTree(get(port, "/missions/" + id).body());
            JsonNode folded = JSON.readTree(get(port, "/missions/" + id + "?asOf=2100-01-01").body());
            for (String field : List.of("status", "launchDate", "spacecraft", "crew")) {
                assertEquals(folded.get(field), live.get(field), id + "." + field);
            }
        }
    }

    private static List<MissionUpdateEvent> events() {
        List<MissionUpdateEvent> events = new ArrayList<>();
        Instant base = Instant.parse("2023-01-01T00:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
            int m = i % MISSIONS;
            String article = "crash-article-" + i;
            Instant published = base.plus(Duration.ofHours((i * 7919L) % 5000));
            PersonRef a = new PersonRef("crash-person-" + m + "-a", "Crash Person" + m + " Alpha", List.of(), "NASA", "US", "astronaut");
            PersonRef b = new PersonRef("crash-person-" + m + "-b", "Crash Person" + m + " Beta", List.of(), "Roscosmos", "RU", "cosmonaut");
            MissionFacts facts = new MissionFacts(Fact.of("Crew Dragon", "It flies on Crew Dragon.", 0.9), null, null,
                    Fact.of("ISS", "It goes to the ISS.", 0.9),
                    new LaunchDateFact("2023-" + String.format("%02d", 1 + i % 12) + "-10", "day", null, "on the 10th", List.of("…"), 0.8),
                    Fact.of(STATUSES[i % STATUSES.length], "Status sentence " + i + ".", 0.8));
            List<CrewClaim> crew = List.of(
                    new CrewClaim(a, "prime", "commander", List.of("Alpha commands."), 0.9),
                    new CrewClaim(b, i % 3 == 0 ? "backup" : "prime", null, List.of("Beta flies."), 0.9));
            events.add(MissionUpdateEvent.of(new MissionUpdateData(article, published, true, "t", "s", null,
                    new MissionRef("crash-mission-" + m, "Crash Mission " + m, List.of(), true), facts, crew)));
        }
        return events;
    }

    private static void produce(String topic, List<MissionUpdateEvent> events) {
        Properties p = TestInfra.kafkaClientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (MissionUpdateEvent e : events) {
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, e.subject(), MissionUpdateCodec.toJson(e));
                r.headers().add("content-type", "application/cloudevents+json".getBytes());
                producer.send(r);
            }
            producer.flush();
        }
    }

    private static long dlqRecords(String topic) {
        Properties p = TestInfra.kafkaClientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-check-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long n = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                n += c.poll(Duration.ofMillis(250)).count();
            }
        }
        return n;
    }

    private Process start(String service, Map<String, String> env, String name) throws IOException {
        Path home = Path.of(System.getProperty("crossflight.home", "..")).toAbsolutePath().normalize();
        Path jar = home.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "packaged before this module: " + jar);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(logs.resolve(service + "-" + name + ".log").toFile());
        return pb.start();
    }

    private boolean ready(int port) {
        try {
            return get(port, "/q/health/ready").statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long applied(String jdbcUrl) {
        try {
            return count(jdbcUrl, "SELECT count(*) FROM processed_events");
        } catch (IllegalStateException e) {
            return -1; // schema not migrated yet
        }
    }

    private static long count(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestInfra.username(), TestInfra.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitFor(Duration timeout, BooleanSupplier condition, String message) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail(message + " (logs in " + logs + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
