package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void the_canonical_columns_are_the_documented_ones_in_order() {
        assertThat(Columns.CANONICAL)
                .containsExactly(
                        "report_id",
                        "source",
                        "victim_name",
                        "victim_name_latin",
                        "gender",
                        "age",
                        "occupation",
                        "disappeared_on",
                        "governorate",
                        "district",
                        "locality",
                        "latitude",
                        "longitude",
                        "perpetrator",
                        "perpetrator_detail",
                        "status",
                        "status_date",
                        "narrative",
                        "consent_to_share",
                        "share_with",
                        "consent_date",
                        "consent_note");
    }

    @Test
    void english_headers_match_whatever_their_case_spacing_hyphens_and_byte_order_mark() {
        assertThat(Columns.canonical("report_id")).contains(Columns.REPORT_ID);
        assertThat(Columns.canonical("  Report ID ")).contains(Columns.REPORT_ID);
        assertThat(Columns.canonical("\uFEFFREPORT-ID")).contains(Columns.REPORT_ID);
        assertThat(Columns.canonical("Victim Name Latin")).contains(Columns.VICTIM_NAME_LATIN);
        assertThat(Columns.canonical("perpetrator-detail")).contains(Columns.PERPETRATOR_DETAIL);
    }

    @Test
    void arabic_headers_match_with_underscores_and_spelling_variants() {
        assertThat(Columns.canonical("رقم البلاغ")).contains(Columns.REPORT_ID);
        assertThat(Columns.canonical("رقم_البلاغ")).contains(Columns.REPORT_ID);
        assertThat(Columns.canonical("الجهة الموثقة")).contains(Columns.SOURCE);
        assertThat(Columns.canonical("اسم الضحيه")).as("haa for taa marbuta").contains(Columns.VICTIM_NAME);
        assertThat(Columns.canonical("الاسم")).contains(Columns.VICTIM_NAME);
        assertThat(Columns.canonical("الاسم باللاتينية")).contains(Columns.VICTIM_NAME_LATIN);
        assertThat(Columns.canonical("تاريخ الإعتقال")).as("hamza under alef").contains(Columns.DISAPPEARED_ON);
        assertThat(Columns.canonical("تاريخ الاختفاء")).contains(Columns.DISAPPEARED_ON);
        assertThat(Columns.canonical("الحي")).contains(Columns.LOCALITY);
        assertThat(Columns.canonical("الجهة المسؤولة")).contains(Columns.PERPETRATOR);
        assertThat(Columns.canonical("الجهة المسئولة")).as("hamza on yaa seat").contains(Columns.PERPETRATOR);
        assertThat(Columns.canonical("تفاصيل الجهة الفاعلة")).contains(Columns.PERPETRATOR_DETAIL);
        assertThat(Columns.canonical("المُحافَظة")).as("harakat").contains(Columns.GOVERNORATE);
        assertThat(Columns.canonical("ملاحظات")).contains(Columns.NARRATIVE);
    }

    @Test
    void other_headers_and_the_raw_key_are_not_columns() {
        assertThat(Columns.canonical("phone")).isEmpty();
        assertThat(Columns.canonical("")).isEmpty();
        assertThat(Columns.canonical(Columns.RAW)).isEmpty();
        assertThat(Columns.canonical("victim")).isEmpty();
    }

    @Test
    void every_column_has_an_arabic_header_that_maps_back_to_it() {
        assertThat(Columns.CANONICAL)
                .allSatisfy(column -> assertThat(Columns.canonical(Columns.arabicHeader(column)))
                        .contains(column));
        assertThat(Columns.arabicHeader(Columns.REPORT_ID)).isEqualTo("رقم البلاغ");
        assertThat(Columns.arabicHeader(Columns.NARRATIVE)).isEqualTo("الرواية");
    }

    @Test
    void asking_for_the_arabic_header_of_a_non_column_fails() {
        assertThatThrownBy(() -> Columns.arabicHeader("phone")).isInstanceOf(IllegalArgumentException.class);
    }
}
