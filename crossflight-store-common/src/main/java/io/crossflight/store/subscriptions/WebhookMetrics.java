package io.crossflight.store.subscriptions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Webhook meters, registered at startup so they read zero before the first delivery:
 * <ul>
 * <li>{@code crossflight.webhooks.attempts{outcome}}: HTTP attempts by outcome, {@code success}
 * (2xx), {@code failure} (to be retried) or {@code given_up} (the last attempt failed, the
 * delivery is now {@code failed});</li>
 * <li>{@code crossflight.webhooks.subscriptions.disabled} / {@code .enabled}: subscriptions
 * disabled for failing, and re-enabled through the API;</li>
 * <li>{@code crossflight.webhooks.deliveries.pending}: deliveries waiting to be sent or retried,
 * of this service's whole database (every replica reports the same number).</li>
 * </ul>
 */
@Singleton
public class WebhookMetrics {

    public static final String ATTEMPTS = "crossflight.webhooks.attempts";
    public static final String DISABLED = "crossflight.webhooks.subscriptions.disabled";
    public static final String ENABLED = "crossflight.webhooks.subscriptions.enabled";
    public static final String PENDING = "crossflight.webhooks.deliveries.pending";

    private static final Logger LOG = Logger.getLogger(WebhookMetrics.class);

    private final DataSource dataSource;
    private final Counter success;
    private final Counter failure;
    private final Counter givenUp;
    private final Counter disabled;
    private final Counter enabled;

    @Inject
    public WebhookMetrics(MeterRegistry registry, DataSource dataSource) {
        this.dataSource = dataSource;
        success = attempts(registry, "success");
        failure = attempts(registry, "failure");
        givenUp = attempts(registry, "given_up");
        disabled = Counter.builder(DISABLED).description("webhook subscriptions disabled because their endpoint kept failing")
                .register(registry);
        enabled = Counter.builder(ENABLED).description("disabled webhook subscriptions re-enabled through the API")
                .register(registry);
        // Read from the database at scrape time (a blocking route): the truth across replicas and restarts.
        Gauge.builder(PENDING, this, WebhookMetrics::pending)
                .description("webhook deliveries waiting to be sent or retried")
                .strongReference(true)
                .register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder(ATTEMPTS).tag("outcome", outcome)
                .description("webhook attempts by outcome: success (2xx), failure (to be retried), given_up (the delivery's last)")
                .register(registry);
    }

    void succeeded() {
        success.increment();
    }

    void failed(boolean gaveUp) {
        (gaveUp ? givenUp : failure).increment();
    }

    void disabled() {
        disabled.increment();
    }

    void enabled() {
        enabled.increment();
    }

    /** Pending deliveries (the partial index webhook_deliveries_due covers it); NaN when the database does not answer. */
    double pending() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")) {
            ps.setQueryTimeout(5);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debugf("cannot count pending webhook deliveries: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
