package io.crossflight.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.crossflight.ingest.service.OutboxRelay;

/**
 * Shows the outbox backlog beside the database and Kafka checks. A backlog alone does not make
 * the service unready: articles are still accepted safely and go out when Kafka is back.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox").up().withData("pendingEvents", relay.backlog()).build();
    }
}
