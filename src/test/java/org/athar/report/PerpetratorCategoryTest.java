package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PerpetratorCategoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            government                               | government
            Syrian government forces                 | government
            government forces                        | government
            Syrian regime forces                     | government
            Regime forces                            | government
            Assad regime                             | government
            Air Force Intelligence                   | government
            قوات النظام السوري                        | government
            قوات الحكومة السورية                      | government
            قوات النظام                              | government
            قوّات النظام                              | government
            النظام                                   | government
            قوات الأسد                               | government
            المخابرات الجوية                          | government
            ISIS                                     | isis
            isil                                     | isis
            IS                                       | isis
            Islamic State                            | isis
            Daesh                                    | isis
            داعش                                     | isis
            تنظيم الدولة الإسلامية                     | isis
            تنظيم الدولة الاسلامية                     | isis
            HTS                                      | hts
            Hayat Tahrir al-Sham                     | hts
            Hay'at Tahrir al-Sham                    | hts
            Hay’at Tahrir Al Sham                    | hts
            Jabhat al-Nusra                          | hts
            Nusra Front                              | hts
            Jabhat Fateh al-Sham (ex-Nusra)          | hts
            هيئة تحرير الشام                          | hts
            جبهة النصرة                               | hts
            armed-opposition                         | armed-opposition
            Armed opposition factions                | armed-opposition
            Armed opposition / Syrian National Army  | armed-opposition
            Syrian National Army                     | armed-opposition
            SNA                                      | armed-opposition
            Free Syrian Army                         | armed-opposition
            FSA                                      | armed-opposition
            الجيش الوطني السوري                        | armed-opposition
            فصائل المعارضة المسلحة                     | armed-opposition
            الجيش الحر                               | armed-opposition
            SDF                                      | sdf
            Syrian Democratic Forces                 | sdf
            Syrian Democratic Forces (PYD)           | sdf
            قوات سوريا الديمقراطية                     | sdf
            قوات سوريا الديموقراطية                    | sdf
            قسد                                      | sdf
            other                                    | other
            جهات أخرى                                | other
            """)
    void codes_names_and_aliases_name_their_category(String text, String code) {
        assertThat(PerpetratorCategory.fromText(text))
                .map(PerpetratorCategory::code)
                .contains(code);
        assertThat(PerpetratorCategory.classify(text).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "unknown", "Unknown", "مجهول", "غير معروف", "unknown gunmen", "جهة مجهولة"})
    void blank_and_unknown_markers_classify_as_unknown(String text) {
        assertThat(PerpetratorCategory.classify(text)).isEqualTo(PerpetratorCategory.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Russian forces",
                "Hezbollah",
                "Other parties (ISIS, SDF, HTS, ...)",
                "Air Force Intelligence branch in Mezzeh"
            })
    void text_naming_no_listed_group_is_other_and_not_a_guess(String text) {
        assertThat(PerpetratorCategory.fromText(text)).isEmpty();
        assertThat(PerpetratorCategory.classify(text)).isEqualTo(PerpetratorCategory.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Syrian Democratic", "Syrian", "forces"})
    void a_fragment_of_an_alias_matches_nothing(String text) {
        assertThat(PerpetratorCategory.fromText(text)).isEmpty();
    }
}
