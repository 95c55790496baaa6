package io.crossflight.store.subscriptions;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.crossflight.store.PollLoop;
import io.crossflight.store.changes.ChangeFilter;
import io.crossflight.store.changes.ChangeLog;
import io.crossflight.store.changes.LoggedChange;

/**
 * Turns committed changes into signed webhook deliveries and sends them, with all state in the
 * database so a restart loses nothing and any number of replicas can run it side by side.
 *
 * <ol>
 * <li><b>Fan-out</b>: each active subscription has a cursor into change_log; a replica locks
 * the subscriptions it advances ({@code FOR UPDATE SKIP LOCKED}) and inserts one delivery per
 * matching change, unique per (subscription, change).</li>
 * <li><b>Claim</b>: due deliveries are claimed with {@code FOR UPDATE SKIP LOCKED}; the claim
 * counts the attempt and leases the row until the request has surely finished, so another
 * replica never sends the same attempt. A replica that dies mid-send leaves the lease to
 * expire and the delivery is retried.</li>
 * <li><b>Send</b>: the resolved target is re-checked (SSRF), the body is POSTed signed per
 * Standard Webhooks, redirects are not followed; 2xx is success.</li>
 * <li><b>Record</b>: fenced by the attempt number; a failure is retried after exponential
 * backoff with jitter, up to max-attempts; a subscription that keeps failing is disabled.</li>
 * </ol>
 */
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_CHANGES = 1000;
    private static final int FAN_OUT_SUBSCRIPTIONS = 100;

    /** A claimed attempt. */
    record Claimed(String id, String subscriptionId, String body, int attempt, String callbackUrl, String secret) {
    }

    private final DataSource dataSource;
    private final WebhooksConfig config;
    private final WebhookTargets targets;
    private final WebhookMetrics metrics;
    private final HttpClient http;
    private final ExecutorService senders;
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final PollLoop loop;

    public WebhookDispatcher(DataSource dataSource, WebhooksConfig config, WebhookTargets targets, WebhookMetrics metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.targets = targets;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a public host must not bounce us inward
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        int n = Math.max(1, config.concurrency());
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "webhook-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(n);
        // Straight on while there is work and a free sender; otherwise until woken or the next poll.
        this.loop = new PollLoop("webhook-dispatcher", config.pollInterval(), LOG, "webhook dispatcher cannot reach its tables",
                () -> {
                    boolean busy = fanOut();
                    busy |= dispatchDue();
                    return busy && slots.availablePermits() > 0;
                });
    }

    public void start() {
        loop.start();
    }

    /** Stops claiming; sends in flight are given a moment, then abandoned to their lease. */
    public synchronized void stop() {
        loop.stop(Duration.ofSeconds(5));
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    public boolean isRunning() {
        return loop.isRunning();
    }

    /** New changes or a finished send: look again now rather than at the next poll. */
    public void wake() {
        loop.wake();
    }

    /** Claims as many due deliveries as there are free senders and sends them; true when it found any. */
    boolean dispatchDue() throws SQLException {
        int free = slots.availablePermits();
        if (free == 0) {
            return false;
        }
        List<Claimed> claimed = claim(free);
        for (Claimed c : claimed) {
            slots.acquireUninterruptibly();
            inFlight.incrementAndGet();
            try {
                senders.execute(() -> {
                    try {
                        deliver(c);
                    } finally {
                        inFlight.decrementAndGet();
                        slots.release();
                        wake();
                    }
                });
            } catch (RuntimeException rejected) { // stopping
                inFlight.decrementAndGet();
                slots.release();
            }
        }
        return !claimed.isEmpty();
    }

    /** Advances subscription cursors, writing one delivery per matching change; true when there may be more. */
    public boolean fanOut() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean more = fanOut(c);
                c.commit();
                return more;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean fanOut(Connection c) throws SQLException {
        record Sub(String id, ChangeFilter filter, long cursor) {
        }
        List<Sub> subs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, filter::text, cursor_seq FROM webhook_subscriptions "
                        + "WHERE status = 'active' AND cursor_seq < (SELECT coalesce(max(seq), 0) FROM change_log) "
                        + "ORDER BY cursor_seq, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setInt(1, FAN_OUT_SUBSCRIPTIONS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subs.add(new Sub(rs.getString(1), ChangeFilter.of(Subscriptions.filter(rs.getString(2))), rs.getLong(3)));
                }
            }
        }
        if (subs.isEmpty()) {
            return false;
        }
        long from = subs.stream().mapToLong(Sub::cursor).min().orElseThrow();
        List<LoggedChange> changes = ChangeLog.readAfter(c, from, FAN_OUT_CHANGES);
        if (changes.isEmpty()) {
            return false;
        }
        long upTo = changes.get(changes.size() - 1).seq();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO webhook_deliveries (id, subscription_id, change_seq, type, entity_id, body, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (subscription_id, change_seq) DO NOTHING");
                PreparedStatement advance = c.prepareStatement(
                        "UPDATE webhook_subscriptions SET cursor_seq = greatest(cursor_seq, ?) WHERE id = ?")) {
            for (Sub s : subs) {
                for (LoggedChange ch : changes) {
                    if (ch.seq() > s.cursor() && s.filter().matches(ch)) {
                        insert.setString(1, Ids.next("msg"));
                        insert.setString(2, s.id());
                        insert.setLong(3, ch.seq());
                        insert.setString(4, ch.type());
                        insert.setString(5, ch.entityId());
                        insert.setString(6, ch.messageJson());
                        insert.addBatch();
                    }
                }
                advance.setLong(1, upTo);
                advance.setString(2, s.id());
                advance.addBatch();
            }
            insert.executeBatch();
            advance.executeBatch();
        }
        return changes.size() == FAN_OUT_CHANGES || subs.size() == FAN_OUT_SUBSCRIPTIONS;
    }

    /** Claims up to n due deliveries: counts the attempt and leases the row past the request time-out. */
    List<Claimed> claim(int n) throws SQLException {
        long leaseMs = config.connectTimeout().plus(config.requestTimeout()).plusSeconds(5).toMillis();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE webhook_deliveries d SET attempts = d.attempts + 1, last_attempt_at = now(), "
                            + "next_attempt_at = now() + (? * interval '1 millisecond') "
                            + "FROM webhook_subscriptions s WHERE s.id = d.subscription_id AND d.id IN ("
                            + " SELECT d2.id FROM webhook_deliveries d2 JOIN webhook_subscriptions s2 ON s2.id = d2.subscription_id"
                            + " WHERE d2.status = 'pending' AND d2.next_attempt_at <= now() AND s2.status = 'active'"
                            + " ORDER BY d2.next_attempt_at, d2.change_seq LIMIT ? FOR UPDATE OF d2 SKIP LOCKED) "
                            + "RETURNING d.id, d.subscription_id, d.body, d.attempts, s.callback_url, s.secret")) {
                ps.setLong(1, leaseMs);
                ps.setInt(2, n);
                List<Claimed> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
                    }
                }
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Sends one claimed attempt and records the outcome. */
    void deliver(Claimed d) {
        Instant started = Instant.now();
        Integer status = null;
        String error = null;
        boolean gone = false;
        try {
            URI uri = URI.create(d.callbackUrl());
            targets.checkAddresses(uri); // DNS may have changed since the subscription was made
            long ts = started.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Crossflight-Webhooks/1")
                    .header("webhook-id", d.id())
                    .header("webhook-timestamp", Long.toString(ts))
                    .header("webhook-signature", WebhookSigner.sign(d.secret(), d.id(), ts, d.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 300 && status < 400) {
                error = "HTTP " + status + " redirect to " + response.headers().firstValue("Location").orElse("?")
                        + " not followed; give the final URL as callbackUrl";
            } else if (status < 200 || status >= 300) {
                error = "HTTP " + status;
                gone = status == 410;
            }
        } catch (WebhookTargets.RefusedTarget e) {
            error = "refused target: " + e.getMessage();
        } catch (HttpConnectTimeoutException e) {
            error = "connect timed out after " + config.connectTimeout().toMillis() + " ms";
        } catch (HttpTimeoutException e) {
            error = "no response within " + config.requestTimeout().toMillis() + " ms";
        } catch (ConnectException e) {
            error = "connection refused or unreachable" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the lease expires and the attempt is made again
        }
        long durationMs = Duration.between(started, Instant.now()).toMillis();
        try {
            record(d, started, status, error, durationMs, gone);
        } catch (SQLException e) {
            LOG.warnf("cannot record webhook delivery %s attempt %d (it will be retried after its lease): %s",
                    d.id(), d.attempt(), e.getMessage());
        }
    }

    /** What recording a failed attempt did, counted once it has committed. */
    private record FailureOutcome(boolean gaveUp, boolean disabled) {
    }

    void record(Claimed d, Instant started, Integer status, String error, long durationMs, boolean gone) throws SQLException {
        boolean ok = error == null;
        FailureOutcome failure = null;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) "
                                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    ps.setString(1, d.id());
                    ps.setInt(2, d.attempt());
                    ps.setTimestamp(3, java.sql.Timestamp.from(started));
                    ps.setObject(4, status);
                    ps.setString(5, error);
                    ps.setLong(6, durationMs);
                    ps.executeUpdate();
                }
                if (ok) {
                    recordSuccess(c, d, status);
                } else {
                    failure = recordFailure(c, d, status, error, gone);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (ok) {
            metrics.succeeded();
        } else {
            metrics.failed(failure.gaveUp());
            if (failure.disabled()) {
                metrics.disabled();
            }
        }
    }

    private void recordSuccess(Connection c, Claimed d, int status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status_code = ?, "
                        + "last_error = NULL, next_attempt_at = NULL WHERE id = ? AND attempts = ? AND status = 'pending'")) {
            ps.setInt(1, status);
            ps.setString(2, d.id());
            ps.setInt(3, d.attempt());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_subscriptions SET consecutive_failures = 0, failing_since = NULL, last_success_at = now() WHERE id = ?")) {
            ps.setString(1, d.subscriptionId());
            ps.executeUpdate();
        }
    }

    private FailureOutcome recordFailure(Connection c, Claimed d, Integer status, String error, boolean gone) throws SQLException {
        boolean last = d.attempt() >= config.maxAttempts();
        boolean gaveUp;
        Duration retryIn = Backoff.after(d.attempt(), config.initialBackoff(), config.maxBackoff(), ThreadLocalRandom.current());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_deliveries SET status = ?, last_status_code = ?, last_error = ?, "
                        + "next_attempt_at = CASE WHEN ? THEN NULL ELSE now() + (? * interval '1 millisecond') END "
                        + "WHERE id = ? AND attempts = ? AND status = 'pending'")) {
            ps.setString(1, last ? "failed" : "pending");
            ps.setObject(2, status);
            ps.setString(3, error);
            ps.setBoolean(4, last);
            ps.setLong(5, retryIn.toMillis());
            ps.setString(6, d.id());
            ps.setInt(7, d.attempt());
            int updated = ps.executeUpdate();
            // Only the attempt that still held the delivery gives it up (not one fenced out or cancelled meanwhile).
            gaveUp = last && updated == 1;
        }
        int failures;
        boolean tooLong;
        String subscriptionStatus;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1, "
                        + "failing_since = coalesce(failing_since, now()) WHERE id = ? "
                        + "RETURNING consecutive_failures, failing_since <= now() - (? * interval '1 millisecond'), status")) {
            ps.setString(1, d.subscriptionId());
            ps.setLong(2, config.disableAfter().toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new FailureOutcome(gaveUp, false); // deleted meanwhile
                }
                failures = rs.getInt(1);
                tooLong = rs.getBoolean(2);
                subscriptionStatus = rs.getString(3);
            }
        }
        if (!subscriptionStatus.equals("active")) {
            return new FailureOutcome(gaveUp, false);
        }
        String reason = null;
        if (gone) {
            reason = "the receiver answered 410 Gone";
        } else if (config.disableAfterFailures().isPresent() && failures >= config.disableAfterFailures().get()) {
            reason = failures + " consecutive failed delivery attempts";
        } else if (tooLong) {
            reason = "no successful delivery for " + config.disableAfter() + " while attempts kept failing";
        }
        if (reason != null) {
            disable(c, d.subscriptionId(), reason + "; last error: " + error);
        }
        return new FailureOutcome(gaveUp, reason != null);
    }

    /**
     * Stops the subscription: its pending deliveries are cancelled and nothing is fanned out while
     * it is disabled. {@link Subscriptions#enable} resumes it from the changes committed afterwards.
     */
    private static void disable(Connection c, String subscriptionId, String reason) throws SQLException {
        LOG.warnf("disabling webhook subscription %s: %s", subscriptionId, reason);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_subscriptions SET status = 'disabled', disabled_reason = ?, disabled_at = now() WHERE id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, subscriptionId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, "
                        + "last_error = coalesce(last_error || '; ', '') || 'cancelled: subscription disabled' "
                        + "WHERE subscription_id = ? AND status = 'pending'")) {
            ps.setString(1, subscriptionId);
            ps.executeUpdate();
        }
    }

    /** Sends in flight right now (for tests and metrics). */
    public int inFlight() {
        return inFlight.get();
    }
}
