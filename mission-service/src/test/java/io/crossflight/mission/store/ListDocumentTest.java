package io.crossflight.mission.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The list document is cut from the stored GET document; it must be exactly the view as serialised on its own. */
class ListDocumentTest {

    private static EventClaims event(String id, String published, String sentence, List<EventClaims.AssignmentClaim> crew) {
        return new EventClaims(id, "crew-5", "a-" + id, Instant.parse(published), true, "t", "s", "u", "Crew-5", List.of("SpaceX Crew-5"),
                List.of(new EventClaims.FieldClaim("status", "launched", null, null, null, List.of(sentence), 0.8),
                        new EventClaims.FieldClaim("launchDate", "2022-10-05", "day", null, "on 5 October", List.of(sentence), 0.9)),
                crew);
    }

    @Test
    void listDocumentIsTheViewWithoutProvenance() {
        // Evidence that quotes the key itself must not fool the cut.
        String tricky = "He said \",\"provenance\":{\" and left, \"provenance\": nothing.";
        MissionState s = MissionState.empty("crew-5");
        s.merge(event("e1", "2022-10-01T00:00:00Z", tricky, List.of(new EventClaims.AssignmentClaim("nicole-mann", "Nicole Mann",
                List.of(), "NASA", "US", "astronaut", "prime", "commander", List.of(tricky), 0.9))));
        s.merge(event("e2", "2022-10-06T00:00:00Z", "Crew-5 launched.", List.of()));
        MissionView view = s.view(false);
        String detail = MissionStore.json(s.detail(view));
        assertEquals(MissionStore.json(view), MissionQueries.listDocument(detail));

        MissionState empty = MissionState.empty("nothing-known");
        assertEquals(MissionStore.json(empty.view(false)), MissionQueries.listDocument(MissionStore.json(empty.detail(empty.view(false)))));
    }
}
