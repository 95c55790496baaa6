package io.crossflight.mission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.TestInfra;

/** A plain producer and consumer against the real test broker, as the ingest service and an operator would use it. */
public final class KafkaSupport {

    public static final String TOPIC = "mission-updates";
    public static final String DLQ = "mission-updates.dlq.mission-service";

    private static KafkaProducer<String, String> producer;

    private KafkaSupport() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = TestInfra.kafkaClientProperties();
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** Publishes like the ingest service: keyed by mission id, structured CloudEvents JSON. */
    public static void send(MissionUpdateEvent... events) {
        for (MissionUpdateEvent e : events) {
            sendRaw(e.data().mission().id(), MissionUpdateCodec.toJson(e));
        }
    }

    public static void sendRaw(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(TOPIC, key, value)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + TOPIC, e);
        }
    }

    /** Publishes the values under one key (one partition) back to back, so they reach the consumer as one batch if they can. */
    public static void sendBurst(String key, List<String> values) {
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String v : values) {
                sent.add(producer().send(new ProducerRecord<>(TOPIC, key, v)));
            }
            producer().flush();
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + TOPIC, e);
        }
    }

    /** Waits until GET /applied-events/{id} answers 200 for every event. */
    public static void awaitApplied(MissionUpdateEvent... events) {
        for (MissionUpdateEvent e : events) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    given().get("/applied-events/" + e.id()).statusCode() == 200);
        }
    }

    /** Every record on the topic so far. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = TestInfra.kafkaClientProperties();
        p.put("group.id", "test-reader-" + UUID.randomUUID());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            var end = c.endOffsets(parts);
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
            }
        }
        return out;
    }
}
