package io.crossflight.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.crossflight.events.MissionUpdateEvent;

/**
 * A service's store as {@link MissionUpdatesConsumer} writes to it; one bean per service (the
 * mission store, the crew store).
 */
public interface MissionUpdateStore {

    /**
     * Applies a batch of consumed events on {@code c}, inside the consumer's transaction: claims
     * their ids first ({@link ProcessedEvents#claimAll}) so that a redelivered event changes
     * nothing, and logs what visibly changed ({@link io.crossflight.store.changes.ChangeLog}) for
     * the streams and webhooks. Returns how many events were new.
     */
    int applyConsumed(Connection c, List<MissionUpdateEvent> events) throws SQLException;
}
