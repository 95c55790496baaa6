package io.crossflight.store.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.crossflight.store.changes.ChangeFilter;
import io.crossflight.store.changes.ChangeLog;
import io.crossflight.store.changes.ChangeNotice;
import io.crossflight.store.changes.ChangeStreams;
import io.crossflight.store.changes.FieldChange;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/** Changes "things" the way mission-service changes missions: store update + ChangeLog.record in one JTA transaction. */
@Path("/things")
public class ThingsResource {

    @Inject
    DataSource dataSource;

    @Inject
    ChangeLog changeLog;

    @Inject
    ChangeStreams streams;

    /** Sets the status; with rollback=true fails after recording the change, so everything rolls back. */
    @POST
    @Path("/{id}/status/{status}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> set(@PathParam("id") String id, @PathParam("status") String status,
            @RestQuery boolean rollback) throws Exception {
        String old = null;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM things WHERE id = ? FOR UPDATE")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        old = rs.getString(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO things (id, status) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status")) {
                ps.setString(1, id);
                ps.setString(2, status);
                ps.executeUpdate();
            }
            changeLog.record(c, new ChangeNotice(ChangeNotice.MISSION_CHANGED, id,
                    List.of(new FieldChange("status", old, status)), "article-" + status, "event-" + id + "-" + status,
                    Map.of("id", id, "status", status), Map.of("status", Set.of(status), "agency", Set.of("NASA"))));
        }
        if (rollback) {
            throw new IllegalStateException("rolled back on purpose");
        }
        return Map.of("id", id, "status", status);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(Sse sse, @RestQuery List<String> id, @RestQuery List<String> status,
            @RestHeader("Last-Event-ID") String lastEventId) {
        return streams.stream(sse, ChangeFilter.builder().with("type", ChangeNotice.MISSION_CHANGED)
                .with("id", id).with("status", status).build(), lastEventId);
    }
}
