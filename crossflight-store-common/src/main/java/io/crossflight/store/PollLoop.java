package io.crossflight.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

/**
 * A daemon thread that does one round of work, then waits for the poll interval or a
 * {@link #wake()}, whichever comes first (the change feed, the webhook dispatcher). A wake during a
 * round is not lost: the next wait returns at once. A failing round (database away, or not
 * migrated yet at boot) is logged quietly, every 20th time in a row, and tried again next turn.
 */
public final class PollLoop {

    /** One round; true to go again at once instead of waiting. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws Exception;
    }

    private final String name;
    private final Duration interval;
    private final Round round;
    private final Logger log;
    private final String failure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;
    private volatile boolean running;
    private Thread thread;

    /** {@code failure} is logged to {@code log} with the exception's message when a round fails. */
    public PollLoop(String name, Duration interval, Logger log, String failure, Round round) {
        this.name = name;
        this.interval = interval;
        this.log = log;
        this.failure = failure;
        this.round = round;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the current round, waiting for it at most {@code patience}. */
    public synchronized void stop(Duration patience) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(patience.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Something to do: start the next round now rather than after the poll interval. */
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
            boolean again = false;
            try {
                again = round.run();
                failures = 0;
            } catch (Exception e) {
                if (failures++ % 20 == 0) {
                    log.warnf("%s: %s", failure, e.getMessage());
                }
            }
            if (!again) {
                await(interval.toMillis());
            }
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
}
