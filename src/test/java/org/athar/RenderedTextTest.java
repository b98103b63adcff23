package org.athar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The comparison the rendered-document tests rely on, against text layers seen on real machines. */
class RenderedTextTest {

    /** LibreOffice's PDF of an Arabic PPTX on a machine with fonts-noto-core, as PDFBox extracted it (issue 24). */
    private static final String WITH_NOTO = """
            أوفيس    ليبر في إحاطة
            في   أُعدتّ الأول   6 2026كانون
            . الاختفاء       لح&الات الكلي العدد وليست& موثقة، حالات
            المحافظة   البلاغاتحسب
            Briefing Office Test 5ad97ba2المصدر:\s
            """;

    @Test
    void a_right_to_left_line_is_found_whatever_order_the_text_layer_gives_its_words() {
        RenderedText text = RenderedText.ofExtracted(WITH_NOTO);
        assertThat(WITH_NOTO).doesNotContain("إحاطة في ليبر أوفيس");
        assertThat(text.missing(
                        "إحاطة في ليبر أوفيس",
                        "ليبر أوفيس",
                        "البلاغات حسب المحافظة",
                        "حالات موثقة، وليست العدد الكلي لحالات الاختفاء."))
                .isEmpty();
    }

    @Test
    void a_latin_letter_alone_inside_arabic_words_is_not_on_the_page() {
        // LibreOffice 7.4 (Debian 12) on a fresh machine, an italic chart caption of an Arabic PPTX, as PDFBox
        // extracted it: the page shows "الرسم البياني 1: البلاغات حسب المحافظة".
        RenderedText text =
                RenderedText.ofExtracted(": البلاغات حسبZ المحZافظة1الرسم البياني \nBriefing Office Test Zone\n");
        assertThat(text.has("البلاغات حسب المحافظة")).isTrue();
        // Latin words keep their letters, an Arabic word with a Latin letter at its edge of a Latin word too.
        assertThat(text.has("Briefing Office Test Zone")).isTrue();
        assertThat(RenderedText.ofExtracted("محافظة Z").has("محافظة Z")).isTrue();
    }

    @Test
    void every_word_must_be_on_the_page_and_in_one_place() {
        RenderedText text = RenderedText.ofExtracted(WITH_NOTO);
        assertThat(text.has("إحاطة في ليبر كالك"))
                .as("a word that is not on the page")
                .isFalse();
        assertThat(text.has("ليبر المحافظة")).as("words far apart on the page").isFalse();
    }

    @Test
    void a_left_to_right_phrase_must_keep_its_order_but_not_its_spaces_or_line_breaks() {
        RenderedText text = RenderedText.ofExtracted("Total persons\n6\nReports by governorate\n");
        assertThat(text.missing("Total persons 6", "Reports by governorate")).isEmpty();
        assertThat(text.has("persons Total 6")).isFalse();
        assertThat(text.has("Total persons 7")).isFalse();
    }

    @Test
    void marks_tatweel_and_presentation_forms_are_not_what_a_reader_compares() {
        // Presentation forms (as some text layers store shaped Arabic) and a stretched, voweled word.
        RenderedText text = RenderedText.ofExtracted("\uFEE3\uFEEE\uFE9B\uFED8\uFE94 حــالاتٌ");
        assertThat(text.has("حالات موثقة")).isTrue();
    }

    @Test
    void a_phrase_without_letters_or_digits_is_refused() {
        assertThatThrownBy(() -> RenderedText.ofExtracted("x").has(" ، "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no letter or digit");
    }
}
