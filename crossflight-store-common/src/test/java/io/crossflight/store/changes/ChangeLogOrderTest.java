package io.crossflight.store.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crossflight.store.testapp.PostgresOnlyResource;
import io.crossflight.store.testapp.TestDb;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The property SSE and webhooks rely on: change_log seq order is commit order, whoever inserts. */
@QuarkusTest
@WithTestResource(PostgresOnlyResource.class)
class ChangeLogOrderTest {

    @Inject
    ChangeLog changeLog;

    @Test
    void aLowerSeqCannotCommitAfterAHigherOne() throws Exception {
        // Transaction A inserts first and stays open; B inserts afterwards and commits at once.
        // Without serialisation B would get a higher seq and commit first, and a reader that saw
        // B would advance its cursor past A's row for good.
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (Connection a = TestDb.connect()) {
            a.setAutoCommit(false);
            rawInsert(a, "order-a");
            CountDownLatch started = new CountDownLatch(1);
            Future<?> b = pool.submit(() -> {
                try (Connection c = TestDb.connect()) {
                    c.setAutoCommit(false);
                    started.countDown();
                    rawInsert(c, "order-b"); // a raw INSERT, as a batching writer might do
                    c.commit();
                }
                return null;
            });
            started.await();
            Thread.sleep(500);
            assertTrue(!b.isDone(), "B must wait for A's commit before drawing its seq");
            a.commit();
            b.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> order = new ArrayList<>();
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT entity_id FROM change_log WHERE entity_id IN ('order-a', 'order-b') ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                order.add(rs.getString(1));
            }
        }
        assertEquals(List.of("order-a", "order-b"), order);
    }

    @Test
    void recordAllWritesTagsForFiltersAndSkipsEmptyChanges() throws Exception {
        try (Connection c = TestDb.connect()) {
            c.setAutoCommit(false);
            changeLog.recordAll(c, List.of(
                    new ChangeNotice(ChangeNotice.CREW_CHANGED, "batch-1", List.of(new FieldChange("agency", null, "NASA")), "a1", "e1",
                            java.util.Map.of("id", "batch-1"), java.util.Map.of("agency", java.util.Set.of("NASA"))),
                    new ChangeNotice(ChangeNotice.CREW_CHANGED, "batch-2", List.of(), "a1", "e1", null, null),
                    new ChangeNotice(ChangeNotice.CREW_CHANGED, "batch-3", List.of(new FieldChange("role", null, "astronaut")), "a1", "e1",
                            null, java.util.Map.of("mission", java.util.Set.of("crew-5")))));
            c.commit();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT entity_id, tags::text FROM change_log WHERE entity_id LIKE 'batch-%' ORDER BY seq");
                    ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("batch-1", rs.getString(1));
                assertTrue(rs.getString(2).contains("\"agency\": [\"nasa\"]"), rs.getString(2));
                assertTrue(rs.next());
                assertEquals("batch-3", rs.getString(1));
                assertTrue(rs.getString(2).contains("crew-5"));
                assertTrue(!rs.next(), "a notice without changes is not logged");
            }
        }
    }

    private static void rawInsert(Connection c, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO change_log (type, entity_id, event_id, payload) VALUES ('mission.changed', ?, 'e', '{}'::jsonb)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
