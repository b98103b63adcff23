package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.athar.linkage.NameWords.Level.AGREE;
import static org.athar.linkage.NameWords.Level.CLOSE;
import static org.athar.linkage.NameWords.Level.DISAGREE;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How two written name words compare: names whose consonant skeletons collide are kept apart where it is known. */
class NameWordsTest {

    /** The level of word {@code i} of two written names, as the scorer reads them (skeleton word and spelling key). */
    private static NameWords.Level level(String a, String b, int i) {
        List<String> wa = LinkRecord.words(a);
        List<String> wb = LinkRecord.words(b);
        return NameWords.level(wa.get(i), wb.get(i), key(LinkRecord.vowels(a), i), key(LinkRecord.vowels(b), i));
    }

    private static NameWords.Level level(String a, String b) {
        return level(a, b, 0);
    }

    private static String key(List<String> keys, int i) {
        return keys.isEmpty() ? null : keys.get(i);
    }

    @Test
    void an_arabic_name_is_only_close_to_the_latin_spelling_of_another_name_with_its_skeleton() {
        assertThat(level("محمد", "Mahmoud")).isEqualTo(CLOSE);
        assertThat(level("محمود", "Mohammad")).isEqualTo(CLOSE);
        assertThat(level("حسن", "Hussein")).isEqualTo(CLOSE);
        assertThat(level("حسين", "Hassan")).isEqualTo(CLOSE);
        assertThat(level("عمر", "Amer")).isEqualTo(CLOSE);
        assertThat(level("عامر", "Omar")).isEqualTo(CLOSE);
    }

    @Test
    void an_arabic_name_agrees_with_every_latin_spelling_of_itself() {
        for (String latin : List.of("Mohammad", "Muhammad", "Mohamed", "Mohammed", "Muhammed")) {
            assertThat(level("محمد", latin)).as(latin).isEqualTo(AGREE);
        }
        assertThat(level("مُحَمَّد", "Mohamed")).isEqualTo(AGREE);
        assertThat(level("محمود", "Mahmud")).isEqualTo(AGREE);
        assertThat(level("حسن", "Hassan")).isEqualTo(AGREE);
        assertThat(level("حسين", "Husain")).isEqualTo(AGREE);
        assertThat(level("عمر", "Umar")).isEqualTo(AGREE);
        assertThat(level("عامر", "Aamer")).isEqualTo(AGREE);
    }

    @Test
    void two_latin_spellings_of_different_known_names_are_only_close() {
        assertThat(level("Mohammad", "Mahmoud")).isEqualTo(CLOSE);
        assertThat(level("Hasan", "Hussein")).isEqualTo(CLOSE);
        assertThat(level("Omar", "Amer")).isEqualTo(CLOSE);
        assertThat(level("Mohamed", "Muhammad")).isEqualTo(AGREE);
    }

    @Test
    void a_latin_spelling_that_is_not_known_is_compared_by_its_skeleton_as_before() {
        assertThat(level("عدنان", "Adnan")).isEqualTo(AGREE);
        assertThat(level("الحريري", "Hariri")).isEqualTo(AGREE);
        assertThat(level("Hariri", "Harery")).isEqualTo(AGREE);
        assertThat(level("عدنان", "Hariri")).isEqualTo(DISAGREE);
    }

    @Test
    void two_arabic_spellings_are_told_apart_by_their_long_vowels_as_before() {
        assertThat(level("محمد", "محمود")).isEqualTo(CLOSE);
        assertThat(level("رنا", "روان")).isEqualTo(CLOSE);
        assertThat(level("عمر", "عامر")).isEqualTo(CLOSE);
        assertThat(level("سمر", "سامر")).isEqualTo(CLOSE);
        assertThat(level("عبد الله", "عبدالله")).isEqualTo(AGREE);
        assertThat(level("عبد الرحمن", "عبدالرحمن")).isEqualTo(AGREE);
    }

    @Test
    void a_hamza_written_on_its_seat_or_as_the_bare_seat_is_the_same_spelling() {
        assertThat(level("عائشة", "عايشه")).isEqualTo(AGREE);
        assertThat(level("مؤيد", "مويد")).isEqualTo(AGREE);
        assertThat(level("رائد", "رايد")).isEqualTo(AGREE);
    }

    @Test
    void in_a_full_name_only_the_part_whose_names_collide_is_close() {
        String arabic = "محمد حسن الحلبي";
        String latin = "Mahmoud Hasan Al-Halabi";
        assertThat(level(arabic, latin, 0)).isEqualTo(CLOSE);
        assertThat(level(arabic, latin, 1)).isEqualTo(AGREE);
        assertThat(level(arabic, latin, 2)).isEqualTo(AGREE);
        assertThat(LinkRecord.vowels(latin)).hasSameSizeAs(LinkRecord.words(latin));
        assertThat(level("Abu Ali Mohamed bin Hussein Halabi", "محمد حسين الحلبي", 1))
                .isEqualTo(AGREE);
        assertThat(level("Abu Ali Mohamed bin Hussein Halabi", "محمد حسن الحلبي", 1))
                .isEqualTo(CLOSE);
    }

    @Test
    void a_name_with_no_known_spelling_has_no_keys() {
        assertThat(LinkRecord.vowels("Adnan Hariri")).isEmpty();
        assertThat(LinkRecord.vowels("Samer Adnan Hariri")).containsExactly("samr", "", "");
    }

    @Test
    void skeletons_are_close_when_one_letter_is_changed_added_or_dropped_anywhere() {
        assertThat(NameWords.close("HSNMR", "HSNMK")).isTrue();
        assertThat(NameWords.close("XSNMR", "HSNMR")).isTrue();
        assertThat(NameWords.close("HSNM", "HSNMR")).isTrue();
        assertThat(NameWords.close("HSNMR", "SNMR")).isTrue();
        assertThat(NameWords.close("HSMR", "HSNMR")).isTrue();
        assertThat(NameWords.close("HSNMR", "HSMNR")).isFalse();
        assertThat(NameWords.close("HSNMR", "XSNMK")).isFalse();
        assertThat(NameWords.close("HSNM", "XSNMR")).isFalse();
        assertThat(NameWords.close("HSNM", "HSNMRK")).isFalse();
        assertThat(NameWords.close("HSN", "HSK")).isFalse();
    }
}
