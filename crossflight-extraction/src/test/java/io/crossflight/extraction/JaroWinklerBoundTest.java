package io.crossflight.extraction;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** PersonNames skips Jaro-Winkler when a length bound says it cannot reach the threshold: never wrongly. */
class JaroWinklerBoundTest {

    @Test
    void skippingNeverChangesTheAnswer() {
        JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
        List<String> words = new ArrayList<>(List.of("rubio", "prokopiev", "prokopyev", "kikina", "artemiev", "artemyev",
                "li", "chen", "tang", "wang", "ye", "cai", "hoburg", "mogensen", "moghbeli", "furukawa", "borisov",
                "vandt", "wandt", "alneyadi", "al", "neyadi", "frank", "francisco", "fransico", "sergey", "sergei", "a", ""));
        Random rnd = new Random(9);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(12); k > 0; k--) {
                sb.append("abeiknorstv".charAt(rnd.nextInt(11)));
            }
            words.add(sb.toString());
        }
        int skipped = 0;
        for (String a : words) {
            for (String b : words.subList(0, 400)) {
                for (double threshold : new double[]{0.85, 0.93}) {
                    double exact = jw.apply(a, b);
                    double fast = PersonNames.jaroWinkler(a, b, threshold);
                    if (exact >= threshold) {
                        assertThat(fast).as("%s / %s", a, b).isEqualTo(exact);
                    } else {
                        assertThat(fast).as("%s / %s", a, b).isLessThan(threshold);
                        skipped += fast == 0 && exact != 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(skipped).isGreaterThan(10_000);
    }
}
