package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldingTest {

    @Test
    void the_fast_path_for_plain_letters_takes_no_character_the_full_rules_would_treat_otherwise() {
        int plain = 0;
        for (char c = 0; c < '\u0700'; c++) {
            if (TextFolding.isPlainLetter(c)) {
                plain++;
                assertThat(TextFolding.isSeparator(c)).as("U+%04X", (int) c).isFalse();
                assertThat(TextFolding.isDropped(c)).as("U+%04X", (int) c).isFalse();
                assertThat(Character.isDigit(c)).as("U+%04X", (int) c).isFalse();
            }
        }
        assertThat(plain).isEqualTo(26 + 26 + 10);
        // The digit fast path: no decimal digit between ASCII '9' and the Arabic-Indic zero.
        for (char c = ':'; c < '\u0660'; c++) {
            assertThat(Character.isDigit(c)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void harakat_and_shadda_are_removed() {
        assertThat(TextFolding.fold("مُحمّد")).isEqualTo("محمد");
        assertThat(TextFolding.fold("عَبْدُ الرَّحْمَنِ")).isEqualTo("عبد الرحمن");
        assertThat(TextFolding.fold("كِتَابٌ")).isEqualTo("كتاب");
    }

    @Test
    void superscript_alef_and_alef_wasla_are_folded() {
        assertThat(TextFolding.fold("ٱلرَّحْمَٰن")).isEqualTo("الرحمن");
        assertThat(TextFolding.fold("هٰذا")).isEqualTo("هذا");
    }

    @Test
    void tatweel_is_removed() {
        assertThat(TextFolding.fold("محـــمد")).isEqualTo("محمد");
    }

    @ParameterizedTest
    @CsvSource({"أحمد,احمد", "إدلب,ادلب", "آمنة,امنه", "ٱبن,ابن"})
    void hamza_forms_of_alef_fold_to_bare_alef(String written, String folded) {
        assertThat(TextFolding.fold(written)).isEqualTo(folded);
    }

    @Test
    void taa_marbuta_folds_to_haa_and_alef_maqsura_to_yaa() {
        assertThat(TextFolding.fold("حماة")).isEqualTo(TextFolding.fold("حماه")).isEqualTo("حماه");
        assertThat(TextFolding.fold("مصطفى")).isEqualTo("مصطفي");
        assertThat(TextFolding.fold("موسى")).isEqualTo(TextFolding.fold("موسي"));
    }

    @Test
    void hamza_on_waw_and_yaa_folds_to_the_bare_letter() {
        assertThat(TextFolding.fold("لؤي")).isEqualTo("لوي");
        assertThat(TextFolding.fold("فائز")).isEqualTo(TextFolding.fold("فايز")).isEqualTo("فايز");
        assertThat(TextFolding.fold("رائد")).isEqualTo("رايد");
    }

    @Test
    void standalone_hamza_is_kept() {
        assertThat(TextFolding.fold("السويداء")).isEqualTo("السويداء");
    }

    @Test
    void persian_keyboard_letters_fold_to_arabic_ones() {
        assertThat(TextFolding.fold("علی")).isEqualTo("علي");
        assertThat(TextFolding.fold("کمال")).isEqualTo("كمال");
    }

    @Test
    void arabic_presentation_forms_become_base_letters() {
        assertThat(TextFolding.fold("ﻻ")).isEqualTo("لا");
        assertThat(TextFolding.fold("ﺣﻠﺐ")).isEqualTo("حلب");
    }

    @Test
    void arabic_indic_and_persian_digits_become_ascii() {
        assertThat(TextFolding.fold("٢٠١٣")).isEqualTo("2013");
        assertThat(TextFolding.fold("۱۴۰۲")).isEqualTo("1402");
        assertThat(TextFolding.fold("فرع ٢١٥")).isEqualTo("فرع 215");
    }

    @ParameterizedTest
    @CsvSource({
        "Ḥasakah,hasakah",
        "Ḑamān,daman",
        "Sim‘ān,siman",
        "Dayr az-Zawr,dayr az zawr",
        "Ärztin,arztin",
        "Straße,strasse",
        "İdlib,idlib"
    })
    void latin_diacritics_are_removed_and_text_lower_cased(String written, String folded) {
        assertThat(TextFolding.fold(written)).isEqualTo(folded);
    }

    @Test
    void apostrophes_and_ayn_hamza_signs_are_removed_inside_words() {
        assertThat(TextFolding.fold("Dar'a")).isEqualTo("dara");
        assertThat(TextFolding.fold("Hay’at")).isEqualTo("hayat");
        assertThat(TextFolding.fold("Ma`arra")).isEqualTo("maarra");
        assertThat(TextFolding.fold("Saʿid Shaʾm")).isEqualTo("said sham");
    }

    @Test
    void hyphens_dashes_and_quotes_separate_words() {
        assertThat(TextFolding.fold("Deir-ez-Zor")).isEqualTo("deir ez zor");
        assertThat(TextFolding.fold("Aleppo – Idlib")).isEqualTo("aleppo idlib");
        assertThat(TextFolding.fold("the \"Palestine\" branch")).isEqualTo("the palestine branch");
        assertThat(TextFolding.fold("«فرع فلسطين»")).isEqualTo("فرع فلسطين");
    }

    @Test
    void whitespace_is_collapsed_and_trimmed_and_invisible_marks_dropped() {
        assertThat(TextFolding.fold("  Ahmad \t\n  Ali  ")).isEqualTo("ahmad ali");
        assertThat(TextFolding.fold("\u200Fأحمد\u00A0\u200Cعلي\u200E")).isEqualTo("احمد علي");
    }

    @Test
    void null_and_empty_fold_to_empty() {
        assertThat(TextFolding.fold(null)).isEmpty();
        assertThat(TextFolding.fold("")).isEmpty();
        assertThat(TextFolding.fold(" - ")).isEmpty();
    }

    @Test
    void folding_twice_changes_nothing() {
        String once = TextFolding.fold("إِدْلِب – Ḥasakah, Dar'a ٢٠١٣ «محـمّد»");
        assertThat(TextFolding.fold(once)).isEqualTo(once);
    }

    @Test
    void latin_article_variants_share_a_vocabulary_key() {
        assertThat(TextFolding.vocabularyKey("Al-Hasakeh"))
                .isEqualTo(TextFolding.vocabularyKey("al hasakeh"))
                .isEqualTo(TextFolding.vocabularyKey("Hasakeh"))
                .isEqualTo(TextFolding.vocabularyKey("AL HASAKEH"))
                .isEqualTo("hasakeh");
        assertThat(TextFolding.vocabularyKey("Deir ez-Zor")).isEqualTo(TextFolding.vocabularyKey("Deir Zor"));
        assertThat(TextFolding.vocabularyKey("At Tall")).isEqualTo("tall");
    }

    @Test
    void arabic_article_variants_share_a_vocabulary_key() {
        assertThat(TextFolding.vocabularyKey("الحسكة"))
                .isEqualTo(TextFolding.vocabularyKey("حسكه"))
                .isEqualTo(TextFolding.vocabularyKey("الحسكه"))
                .isEqualTo("حسكه");
        assertThat(TextFolding.vocabularyKey("دير الزور")).isEqualTo(TextFolding.vocabularyKey("دير زور"));
    }

    @Test
    void latin_and_arabic_spellings_are_not_transliterated_into_each_other() {
        assertThat(TextFolding.vocabularyKey("Hasakeh")).isNotEqualTo(TextFolding.vocabularyKey("الحسكة"));
    }

    @Test
    void an_article_is_kept_when_too_little_would_remain() {
        // "ال" + one letter is a word of its own, not an article.
        assertThat(TextFolding.vocabularyKey("الم")).isEqualTo("الم");
        assertThat(TextFolding.vocabularyKey("التل")).isEqualTo("تل");
        // A lone "as" or "al" is the whole text, not an article.
        assertThat(TextFolding.vocabularyKey("as")).isEqualTo("as");
    }

    @Test
    void words_that_merely_start_like_an_article_keep_their_letters() {
        assertThat(TextFolding.vocabularyKey("Aleppo")).isEqualTo("aleppo");
        assertThat(TextFolding.vocabularyKey("Ariha")).isEqualTo("ariha");
    }

    @Test
    void vocabulary_keys_ignore_spacing_hyphens_and_punctuation() {
        assertThat(TextFolding.vocabularyKey("armed-opposition"))
                .isEqualTo(TextFolding.vocabularyKey("Armed  Opposition"))
                .isEqualTo(TextFolding.vocabularyKey("armed opposition."));
        assertThat(TextFolding.vocabularyKey("n/a")).isEqualTo("na");
    }

    @Test
    void spelling_variants_that_differ_in_letters_get_different_keys() {
        // Dar'a, Daraa and Deraa are told together by aliases, not by folding.
        assertThat(TextFolding.vocabularyKey("Dar'a")).isEqualTo("dara");
        assertThat(TextFolding.vocabularyKey("Daraa")).isEqualTo("daraa");
        assertThat(TextFolding.vocabularyKey("Deraa")).isEqualTo("deraa");
    }

    @Test
    void lucene_folding_which_ascii_and_arabic_text_skip_would_leave_every_such_character_as_it_is() {
        for (char c = 0; c <= 0x06FF; c++) {
            if (c >= 0x80 && c < 0x0600) {
                continue;
            }
            char[] out = new char[4];
            int n = org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter.foldToASCII(
                    new char[] {c}, 0, out, 0, 1);
            assertThat(new String(out, 0, n)).as("U+%04X", (int) c).isEqualTo(String.valueOf(c));
        }
    }

    @Test
    void text_with_latin_accents_still_goes_through_lucene_folding_whatever_script_is_beside_it() {
        assertThat(TextFolding.needsAsciiFolding("محمد Mohammad".toCharArray())).isFalse();
        assertThat(TextFolding.needsAsciiFolding("محمد Müller".toCharArray())).isTrue();
        assertThat(TextFolding.fold("محمد Müller Çelik")).isEqualTo("محمد muller celik");
        assertThat(TextFolding.fold("Zoë and زينب")).isEqualTo("zoe and زينب");
    }
}
