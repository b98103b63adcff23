package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnknownMarkersTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "  ",
                "unknown",
                "Unknown",
                "UNKNOWN ",
                "n/a",
                "N/A",
                "NULL",
                "NaN",
                "-",
                "?",
                "--",
                "مجهول",
                "مجهولة",
                "غير معروف",
                "غيرمعروف",
                "غير معلوم",
                "غير محدد",
                "0000-00-00",
                "00/00/0000",
                "0000",
                "٠٠/٠٠/٠٠٠٠"
            })
    void these_say_the_value_is_not_known(String text) {
        assertThat(UnknownMarkers.isUnknown(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "0", "2013", "00/05/2013", "male", "Aleppo", "معتقل", "unknown gunmen"})
    void these_are_values_not_unknown_markers(String text) {
        assertThat(UnknownMarkers.isUnknown(text)).isFalse();
    }
}
