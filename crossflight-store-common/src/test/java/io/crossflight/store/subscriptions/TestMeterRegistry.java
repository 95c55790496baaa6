package io.crossflight.store.subscriptions;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The test application has no Prometheus registry; without a registry behind Quarkus' global
 * composite every meter reads zero. Quarkus adds this one to the composite, so meters count.
 */
public class TestMeterRegistry {

    @Produces
    @Singleton
    SimpleMeterRegistry simple() {
        return new SimpleMeterRegistry();
    }
}
