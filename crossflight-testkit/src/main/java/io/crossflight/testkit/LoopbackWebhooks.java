package io.crossflight.testkit;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A test profile for services whose tests deliver webhooks to a {@link WebhookReceiver} on 127.0.0.1. */
public class LoopbackWebhooks implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("crossflight.webhooks.allow-private-targets", "true");
    }
}
