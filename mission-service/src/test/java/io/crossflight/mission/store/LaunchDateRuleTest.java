package io.crossflight.mission.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchDateRuleTest {

    private static MissionState.Stated claim(String published, String value, String precision, String season) {
        MissionState.Stated s = new MissionState.Stated();
        s.value = value;
        s.precision = precision;
        s.season = season;
        s.publishedAt = Instant.parse(published + "T00:00:00Z");
        s.articleId = "a-" + published;
        s.eventId = "e-" + published;
        return s;
    }

    private static String shown(MissionState.Stated... claims) {
        List<MissionState.Stated> list = new ArrayList<>(List.of(claims));
        String first = MissionState.launchDate(list).value;
        Collections.reverse(list);
        assertEquals(first, MissionState.launchDate(list).value, "arrival order must not matter");
        return first;
    }

    @Test
    void laterVaguerDateDoesNotUndoAnExactOneInsideIt() {
        assertEquals("2022-04-08", shown(claim("2022-04-05", "2022-04-08", "day", null), claim("2022-04-30", "2022-04", "month", null)));
        assertEquals("2022-09-21", shown(claim("2022-09-19", "2022-09-21", "day", null), claim("2022-10-01", "2022", "season", "autumn")));
    }

    @Test
    void aSlipReplacesTheDate() {
        assertEquals("2022-05", shown(claim("2022-04-05", "2022-04-08", "day", null), claim("2022-04-07", "2022-05", "month", null)));
        assertEquals("2022-04-10", shown(claim("2022-04-05", "2022-04-08", "day", null), claim("2022-04-07", "2022-04-10", "day", null)));
    }

    @Test
    void theLatestOfSeveralRefinementsWins() {
        assertEquals("2022-04-10", shown(claim("2022-04-01", "2022-04-08", "day", null), claim("2022-04-07", "2022-04-10", "day", null),
                claim("2022-04-20", "2022-04", "month", null)));
        assertEquals("2022-11", shown(claim("2022-08-01", "2022", "year", null), claim("2022-09-01", "2022-11", "month", null),
                claim("2022-09-19", "2022", "season", "autumn")));
    }

    @Test
    void noClaimsNoDate() {
        assertNull(MissionState.launchDate(List.of()));
    }
}
