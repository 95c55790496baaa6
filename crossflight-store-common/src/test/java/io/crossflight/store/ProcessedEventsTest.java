package io.crossflight.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionRef;
import io.crossflight.events.MissionUpdateData;
import io.crossflight.events.MissionUpdateEvent;
import io.crossflight.testkit.TestInfra;

/** claimAll on real PostgreSQL: one statement claims what is new in a batch, and only that. */
class ProcessedEventsTest {

    private static Connection c;
    private final ProcessedEvents processed = new ProcessedEvents();

    @BeforeAll
    static void migrate() throws Exception {
        String url = TestInfra.jdbcUrl("store_common_claims");
        Flyway.configure().dataSource(url, TestInfra.username(), TestInfra.password()).locations("classpath:db/migration").load().migrate();
        c = DriverManager.getConnection(url, TestInfra.username(), TestInfra.password());
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE processed_events");
        }
        c.commit();
    }

    @AfterAll
    static void close() throws Exception {
        c.close();
    }

    @Test
    void claimsEachNewIdOnceAndNothingTwice() throws Exception {
        MissionUpdateEvent a = event("claim-a1");
        MissionUpdateEvent b = event("claim-a2");
        MissionUpdateEvent d = event("claim-a3");
        assertTrue(processed.claim(c, a));
        c.commit();

        // a was applied before; b comes twice in the batch.
        Set<String> claimed = processed.claimAll(c, List.of(a, b, d, b));
        assertEquals(Set.of(b.id(), d.id()), claimed);
        c.commit();
        assertEquals(3, count("SELECT count(*) FROM processed_events WHERE article_id LIKE 'claim-%'"));
        assertEquals(1, count("SELECT count(*) FROM processed_events WHERE event_id = '" + d.id() + "' AND mission_id = 'claim-ms-1' "
                + "AND article_id = 'claim-a3'"));

        // A redelivered batch claims nothing, and the single claim agrees.
        assertEquals(Set.of(), processed.claimAll(c, List.of(d, b, a)));
        assertFalse(processed.claim(c, d));
        assertEquals(Set.of(), processed.claimAll(c, List.of()));
        c.commit();
    }

    @Test
    void aRolledBackClaimIsNoClaim() throws Exception {
        MissionUpdateEvent e = event("rollback-a1");
        assertEquals(Set.of(e.id()), processed.claimAll(c, List.of(e)));
        c.rollback();
        assertEquals(Set.of(e.id()), processed.claimAll(c, List.of(e)));
        c.commit();
    }

    private static long count(String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static MissionUpdateEvent event(String article) {
        return MissionUpdateEvent.of(new MissionUpdateData(article, Instant.parse("2022-09-01T10:00:00Z"), true, "t", "s",
                "https://news.example/" + article, new MissionRef("claim-ms-1", "Claim MS-1", List.of(), true), null, List.of()));
    }
}
