package io.crossflight.mission.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.crossflight.mission.config.MissionConfig;
import io.crossflight.mission.store.MissionHistory;
import io.crossflight.mission.store.MissionQueries;
import io.crossflight.mission.store.MissionQueries.StoredEvent;
import io.crossflight.mission.store.MissionState;
import io.crossflight.mission.store.MissionView;

/** What the REST layer asks of the store. */
@ApplicationScoped
public class MissionService {

    @Inject
    DataSource dataSource;

    @Inject
    MissionConfig config;

    /** The current mission (JSON with provenance) as materialised after the last applied event. */
    public Optional<String> current(String id) {
        try (Connection c = dataSource.getConnection()) {
            return MissionQueries.detail(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read mission " + id, e);
        }
    }

    /** The mission as the articles published up to {@code asOf} described it; empty if none had. */
    public Optional<MissionView> asOf(String id, Instant asOf) {
        List<StoredEvent> events = events(id, asOf);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        MissionState s = MissionState.empty(id);
        events.forEach(e -> s.merge(e.claims()));
        return Optional.of(s.view(true));
    }

    public Optional<List<MissionHistory.Entry>> history(String id) {
        List<StoredEvent> events = events(id, null);
        return events.isEmpty() ? Optional.empty() : Optional.of(MissionHistory.of(id, events));
    }

    public boolean exists(String id) {
        try (Connection c = dataSource.getConnection()) {
            return MissionQueries.exists(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read mission " + id, e);
        }
    }

    public MissionQueries.Page search(MissionQueries.Search search) {
        try (Connection c = dataSource.getConnection()) {
            return MissionQueries.search(c, search, config.search().wordSimilarity());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search missions", e);
        }
    }

    private List<StoredEvent> events(String id, Instant upTo) {
        // Read committed is enough: events and their claims commit together, and claims of an
        // event committed between the queries are ignored because its event row was not read.
        try (Connection c = dataSource.getConnection()) {
            return MissionQueries.events(c, id, upTo);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the claims of mission " + id, e);
        }
    }
}
