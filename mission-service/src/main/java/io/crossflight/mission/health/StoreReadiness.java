package io.crossflight.mission.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.crossflight.mission.service.RebuildService;

/**
 * Tells whether the store is whole: while a rebuild is replaying the topic, reads answer from a
 * partly rebuilt store, so the service reports not ready and load balancers look elsewhere.
 * The database and Kafka checks come from the agroal and kafka extensions.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    RebuildService rebuild;

    @Override
    public HealthCheckResponse call() {
        RebuildService.Status s = rebuild.status();
        return HealthCheckResponse.named("mission-store")
                .status(!"running".equals(s.state()))
                .withData("rebuild", s.state())
                .withData("eventsReplayed", s.eventsApplied())
                .build();
    }
}
