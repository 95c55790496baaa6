package io.crossflight.store.changes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.crossflight.events.MissionUpdateCodec;

class ChangeFilterTest {

    private final LoggedChange soyuz = new LoggedChange(7, "mission.changed", "soyuz-ms-22", "e1",
            MissionUpdateCodec.mapper().createObjectNode(),
            Map.of("id", Set.of("soyuz-ms-22"), "status", Set.of("launched"), "agency", Set.of("nasa", "roscosmos"),
                    "crew", Set.of("francisco-rubio", "sergey-prokopyev")),
            Instant.EPOCH);

    @Test
    void everyCriterionMustMatchAnyValueMay() {
        assertTrue(ChangeFilter.ALL.matches(soyuz));
        assertTrue(ChangeFilter.builder().with("id", "soyuz-ms-22").build().matches(soyuz));
        assertTrue(ChangeFilter.builder().with("status", "scheduled,launched").build().matches(soyuz));
        assertTrue(ChangeFilter.builder().with("agency", "NASA").with("crew", "francisco-rubio").build().matches(soyuz));
        assertTrue(ChangeFilter.builder().with("type", "mission.changed").build().matches(soyuz));
        assertFalse(ChangeFilter.builder().with("type", "crew.changed").build().matches(soyuz));
        assertFalse(ChangeFilter.builder().with("agency", "NASA").with("status", "landed").build().matches(soyuz));
        assertFalse(ChangeFilter.builder().with("id", "crew-5").build().matches(soyuz));
        assertFalse(ChangeFilter.builder().with("mission", "crew-5").build().matches(soyuz));
    }

    @Test
    void blankAndMissingValuesAddNoCriterion() {
        assertTrue(ChangeFilter.builder().with("status", (List<String>) null).with("agency", List.of("", " ")).build().isEmpty());
    }

    @Test
    void tagsAreLowerCasedAndAlwaysCarryTheId() {
        ChangeNotice n = new ChangeNotice("crew.changed", "francisco-rubio", List.of(), "a1", "e1", null,
                Map.of("Agency", Set.of("NASA"), "mission", Set.of("soyuz-ms-22")));
        Map<String, Set<String>> tags = ChangeLog.tags(n);
        assertTrue(tags.get("agency").contains("nasa"));
        assertTrue(tags.get("id").contains("francisco-rubio"));
        assertTrue(tags.get("mission").contains("soyuz-ms-22"));
    }
}
