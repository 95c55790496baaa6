package io.crossflight.crew;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.crossflight.events.MissionUpdateCodec;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.TestInfra;

/** A plain producer and consumer on the test broker, as the ingest service and an operator would use them. */
public final class KafkaTestSupport {

    static final String TOPIC = "mission-updates";
    static final String DLQ = "mission-updates.dlq.crew-service";

    private KafkaTestSupport() {
    }

    public static void send(List<MissionUpdateEvent> events) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (MissionUpdateEvent e : events) {
                producer.send(new ProducerRecord<>(TOPIC, e.data().mission().id(), MissionUpdateCodec.toJson(e)));
            }
            producer.flush();
        }
    }

    static void sendRaw(String key, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, key, value));
            producer.flush();
        }
    }

    /** The values under one key (one partition), back to back: they reach the consumer as one batch if they can. */
    static void sendBurst(String key, List<String> values) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(TOPIC, key, v));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = TestInfra.kafkaClientProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p);
    }

    /** Every record currently on a topic. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = TestInfra.kafkaClientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "crew-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(300)).forEach(out::add);
                if (!c.assignment().isEmpty() && c.assignment().stream()
                        .allMatch(tp -> c.position(tp) >= c.endOffsets(List.of(tp)).get(tp))) {
                    break;
                }
            }
        }
        return out;
    }

    /** True when crew-service's consumer group has committed every record on the topic. */
    static boolean caughtUp() throws Exception {
        try (Admin admin = Admin.create(TestInfra.kafkaClientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("crew-service")
                    .partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            for (TopicPartition tp : partitions) {
                long end = ends.get(tp).offset();
                OffsetAndMetadata c = committed.get(tp);
                if (end > 0 && (c == null || c.offset() < end)) {
                    return false;
                }
            }
            return true;
        }
    }
}
