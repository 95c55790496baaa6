package io.crossflight.store;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** One consumed record of {@code mission-updates}: what the intake parses and, if it must, dead-letters. */
public record IntakeRecord(String topic, int partition, long offset, String key, String value, Headers headers) {

    public static IntakeRecord of(ConsumerRecord<String, String> r) {
        return new IntakeRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), r.headers());
    }

    @SuppressWarnings("unchecked")
    public static IntakeRecord of(KafkaRecord<String, String> r) {
        long offset = r.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
        return new IntakeRecord(r.getTopic(), r.getPartition(), offset, r.getKey(), r.getPayload(), r.getHeaders());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
