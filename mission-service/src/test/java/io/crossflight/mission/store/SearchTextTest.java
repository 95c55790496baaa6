package io.crossflight.mission.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void anyScriptAnyCaseAnyAccentNormalisesToTheSameLatinWords() {
        assertThat(SearchText.normalize("Союз МС-22")).isEqualTo("soyuz ms 22");
        assertThat(SearchText.normalize("SOYUZ  ms—22")).isEqualTo("soyuz ms 22");
        assertThat(SearchText.normalize("Франциско Рубио")).isEqualTo("frantsisko rubio");
        assertThat(SearchText.normalize("Сергей Прокопьев")).isEqualTo("sergey prokopyev");
        assertThat(SearchText.normalize("Michael López-Alegría")).isEqualTo("michael lopez alegria");
        assertThat(SearchText.normalize("神舟十四号")).isNotEmpty().matches("[a-z0-9 ]+");
        assertThat(SearchText.normalize(" !!! ")).isEmpty();
    }

    @Test
    void termsHoldEveryNameWithAndWithoutSpaces() {
        assertThat(SearchText.terms(List.of("Soyuz MS-22", "68S"))).containsExactly("soyuz ms 22", "soyuzms22", "68s");
    }
}
