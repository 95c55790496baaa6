package io.crossflight.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.crossflight.testkit.TestInfra;

/** Reads what the service really wrote: its database and the Kafka topic. */
public final class IngestTestSupport {

    private IngestTestSupport() {
    }

    public static String seed(String name) {
        try (InputStream in = IngestTestSupport.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        return Long.parseLong(text(sql));
    }

    /** The first column of the first row, or null when there is none. */
    public static String text(String sql) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, TestInfra.username(), TestInfra.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on the topic from the beginning, read until {@code quiet} passes with nothing new. */
    public static List<ConsumerRecord<String, String>> readTopic(String topic, Duration quiet) {
        Properties p = TestInfra.kafkaClientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long lastNew = System.nanoTime();
            while (System.nanoTime() < deadline) {
                int before = all.size();
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                if (all.size() > before) {
                    lastNew = System.nanoTime();
                } else if (!consumer.assignment().isEmpty() && System.nanoTime() - lastNew > quiet.toNanos()) {
                    break;
                }
            }
        }
        return all;
    }
}
