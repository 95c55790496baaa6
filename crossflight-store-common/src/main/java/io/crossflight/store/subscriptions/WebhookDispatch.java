package io.crossflight.store.subscriptions;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.crossflight.store.changes.ChangeFeed;
import io.quarkus.runtime.StartupEvent;

/** Runs this replica's {@link WebhookDispatcher}, woken by every change the feed sees. */
@ApplicationScoped
public class WebhookDispatch {

    @Inject
    DataSource dataSource;

    @Inject
    WebhooksConfig config;

    @Inject
    ChangeFeed feed;

    @Inject
    WebhookMetrics metrics;

    private volatile WebhookDispatcher dispatcher;
    private final ChangeFeed.Listener wakeUp = change -> {
        WebhookDispatcher d = dispatcher;
        if (d != null) {
            d.wake();
        }
    };

    void onStart(@Observes StartupEvent e) {
        feed.addListener(wakeUp);
        if (config.dispatcherEnabled()) {
            start();
        }
    }

    /** A fresh dispatcher, as a restarted replica would have. */
    public synchronized void start() {
        if (dispatcher == null) {
            dispatcher = newDispatcher();
            dispatcher.start();
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
            dispatcher = null;
        }
    }

    public WebhookDispatcher newDispatcher() {
        return new WebhookDispatcher(dataSource, config, new WebhookTargets(config.allowPrivateTargets()), metrics);
    }
}
