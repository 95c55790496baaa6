package io.crossflight.store.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

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
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;
    private volatile boolean running;
    private volatile long position = -1;
    private Thread thread;

    void onStart(@Observes StartupEvent e) {
        start();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        signal.onFire(this::wake);
        thread = new Thread(this::run, "change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
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
        lock.lock();
        try {
            pending = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                pollOnce();
                failures = 0;
            } catch (Exception e) {
                // Database away (or not migrated yet at boot): keep trying, quietly at first.
                if (failures++ % 20 == 0) {
                    LOG.warnf("change feed cannot read change_log: %s", e.getMessage());
                }
            }
            await(config.pollInterval().toMillis());
        }
    }

    private void await(long millis) {
        lock.lock();
        try {
            if (!pending && running) {
                woken.await(millis, TimeUnit.MILLISECONDS);
            }
            pending = false;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
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
