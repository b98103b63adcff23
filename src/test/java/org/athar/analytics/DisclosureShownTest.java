package org.athar.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.athar.i18n.Messages;
import org.junit.jupiter.api.Test;

/** How a public figure reads in English and Arabic. */
class DisclosureShownTest {

    @Test
    void published_figures_are_grouped_in_english_and_in_arabic_with_western_digits() {
        assertThat(Disclosure.shown(OptionalLong.of(12_345), Messages.ENGLISH)).isEqualTo("12,345");
        assertThat(Disclosure.shown(OptionalLong.of(0), Messages.ENGLISH)).isEqualTo("0");
        assertThat(Disclosure.shown(OptionalLong.of(1_234_567), Messages.ARABIC))
                .isEqualTo("1,234,567");
        assertThat(Disclosure.shown(OptionalLong.of(7), Messages.ARABIC)).isEqualTo("7");
    }

    @Test
    void a_withheld_figure_reads_withheld_and_never_as_a_number() {
        assertThat(Disclosure.shown(OptionalLong.empty(), Messages.ENGLISH)).isEqualTo("withheld");
        assertThat(Disclosure.shown(OptionalLong.empty(), Messages.ARABIC)).isEqualTo("محجوب");
    }

    @Test
    void the_footnote_names_the_threshold_in_both_languages() {
        assertThat(Disclosure.withheldNote(5, Messages.ENGLISH)).startsWith("Withheld: fewer than 5 documented cases");
        assertThat(Disclosure.withheldNote(10, Messages.ENGLISH)).contains("fewer than 10 ");
        assertThat(Disclosure.withheldNote(5, Messages.ARABIC)).startsWith("محجوب: أقل من 5 ");
        assertThat(Disclosure.withheldNote(1000, Messages.ARABIC)).contains("1,000");
    }
}
