package io.crossflight.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * The service's dead-letter topic. The batch intake cannot nack single records of a batch (the
 * channel's dead-letter strategy would take the whole batch), so it writes dead letters itself,
 * with the headers SmallRye's {@code KafkaDeadLetterQueue} writes: the record as consumed, why,
 * and where it came from.
 *
 * <p>The producer takes the application's {@code kafka.*} settings (bootstrap servers, TLS, SASL)
 * and is created on the first dead letter, so an application that never consumes needs no broker.
 */
@Singleton
public class DeadLetters {

    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final Map<String, Object> kafka;
    private final String topic;
    private final Duration timeout;
    private Producer<String, String> producer;

    @Inject
    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafka, IntakeConfig config) {
        this(kafka, config.deadLetterTopic(), config.deadLetterTimeout());
    }

    /** Outside CDI (tests, the benchmark): {@code kafka} holds producer settings, bootstrap.servers at least. */
    public DeadLetters(Map<String, Object> kafka, String topic, Duration timeout) {
        this.kafka = Map.copyOf(kafka);
        this.topic = topic;
        this.timeout = timeout;
    }

    public String topic() {
        return topic;
    }

    /** How long to wait for the broker's acknowledgement of one send. */
    public Duration timeout() {
        return timeout;
    }

    /** Sends the record with why it cannot be applied; the future completes when the broker has it (acks=all). */
    public Future<RecordMetadata> send(IntakeRecord record, Throwable reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        if (record.headers() != null) {
            record.headers().forEach(h -> dead.headers().add(h));
        }
        // Added after the original headers, so lastHeader() finds ours even for a record that was re-driven from a DLQ.
        add(dead, EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(dead, REASON, reason.getMessage());
        if (reason.getCause() != null) {
            add(dead, CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(dead, CAUSE, reason.getCause().getMessage());
        }
        add(dead, TOPIC, record.topic());
        add(dead, PARTITION, Integer.toString(record.partition()));
        add(dead, OFFSET, Long.toString(record.offset()));
        return producer().send(dead);
    }

    private static void add(ProducerRecord<String, String> record, String key, String value) {
        if (value != null) {
            record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafka);
            config.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + topic);
            // Consumer-side keys of the shared kafka.* settings mean nothing to a producer.
            config.keySet().removeIf(k -> k.startsWith("key.deserializer") || k.startsWith("value.deserializer")
                    || k.equals("group.id") || k.equals("auto.offset.reset") || k.equals("enable.auto.commit"));
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @PreDestroy
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
