package io.crossflight.store.changes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.crossflight.store.PollLoop;
import io.quarkus.runtime.StartupEvent;

/**
 * Tails change_log by seq and hands every committed change to in-process listeners (SSE
 * streams, the webhook fan-out). A commit in this process wakes it at once through
 * {@link ChangeSignal}; a commit by another replica is found by the next poll. Because the log
 * is the source, every replica sees every change, and nothing rolled back is ever seen.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final int PAGE = 500;

    /** Receives changes in seq order, on the feed thread; must not block. */
    @FunctionalInterface
    public interface Listener {
        void onChange(LoggedChange change);
    }

    @Inject
    ChangeLog log;

    @Inject
    ChangeSignal signal;

    @Inject
    StreamsConfig config;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile long position = -1;
    private PollLoop loop;

    @PostConstruct
    void init() {
        loop = new PollLoop("change-feed", config.pollInterval(), LOG, "change feed cannot read change_log", () -> {
            pollOnce();
            return false;
        });
    }

    void onStart(@Observes StartupEvent e) {
        start();
    }

    synchronized void start() {
        if (loop.isRunning()) {
            return;
        }
        signal.onFire(this::wake);
        loop.start();
    }

    @PreDestroy
    synchronized void stop() {
        loop.stop(Duration.ofSeconds(2));
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The last seq handed to listeners (-1 before the first poll). */
    public long position() {
        return position;
    }

    public void wake() {
        loop.wake();
    }

    void pollOnce() throws Exception {
        if (position < 0) {
            position = log.latestSeq();
        }
        while (true) {
            List<LoggedChange> page = log.readAfter(position, PAGE);
            for (LoggedChange c : page) {
                for (Listener l : listeners) {
                    try {
                        l.onChange(c);
                    } catch (RuntimeException ex) {
                        LOG.warnf(ex, "change listener failed on seq %d", c.seq());
                    }
                }
                position = c.seq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}
