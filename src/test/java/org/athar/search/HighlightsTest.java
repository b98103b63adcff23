package org.athar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private static List<String> marked(String text, String q, boolean isName) {
        return Highlights.of(text, QueryText.parse(q), isName).stream()
                .filter(Highlights.Segment::matched)
                .map(Highlights.Segment::text)
                .toList();
    }

    @Test
    void the_original_spelling_is_marked_when_a_folded_variant_was_searched() {
        assertThat(marked("مُحمّد الحسن", "محمد", true)).containsExactly("مُحمّد");
        assertThat(marked("Released from Adra prison", "adra", false)).containsExactly("Adra");
    }

    @Test
    void names_are_marked_across_scripts_but_narratives_only_by_their_words() {
        assertThat(marked("محمد الحسن", "Mohammad al-Hassan", true)).containsExactly("محمد", "الحسن");
        assertThat(marked("محمد الحسن", "Mohammad", false)).isEmpty();
    }

    @Test
    void the_text_is_kept_whole_around_the_marks() {
        String text = "Synthetic record: arrested at a checkpoint, then moved.";
        assertThat(Highlights.of(text, QueryText.parse("checkpoint"), false).stream()
                        .map(Highlights.Segment::text)
                        .reduce("", String::concat))
                .isEqualTo(text);
    }
}
