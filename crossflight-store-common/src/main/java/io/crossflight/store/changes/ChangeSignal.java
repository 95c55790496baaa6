package io.crossflight.store.changes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** "Something was committed to change_log": an in-process nudge so subscribers need not wait for the next poll. */
@ApplicationScoped
public class ChangeSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void onFire(Runnable listener) {
        listeners.add(listener);
    }

    public void remove(Runnable listener) {
        listeners.remove(listener);
    }

    public void fire() {
        for (Runnable r : listeners) {
            r.run();
        }
    }
}
