package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.i18n.Bidi;
import org.athar.i18n.Messages;
import org.athar.i18n.Text;
import org.athar.report.Gazetteer;
import org.junit.jupiter.api.Test;

/**
 * A rejected row's reasons read in the reader's language: Arabic on an Arabic screen or file, with the values from
 * the file kept whole; the API keeps its English message and gains no field.
 */
class RowReasonsInArabicTest {

    private static final RowValidator VALIDATOR = new RowValidator(Gazetteer.load());
    private static final RowValidator.BatchContext BATCH = new RowValidator.BatchContext(
            "b1",
            "f.csv",
            new ImportOptions(Optional.of("src"), "test", false),
            Instant.parse("2026-12-06T00:00:00Z"),
            LocalDate.of(2026, 12, 6),
            new RowDigest(new byte[RowDigestKeys.KEY_BYTES]));
    private static final Messages MESSAGES = new Messages();

    private static List<RowError> errors(Map<String, String> values) {
        return ((RowValidator.Rejected) VALIDATOR.validate(RawRow.of(3, values), BATCH)).errors();
    }

    private static String onScreen(Text text, String language) {
        return MESSAGES.forScreen(
                text.key(),
                Messages.supported(java.util.Locale.forLanguageTag(language)),
                text.args().toArray());
    }

    @Test
    void every_reason_of_a_bad_row_reads_in_arabic_with_its_key_words_first_and_the_english_message_unchanged() {
        List<RowError> errors = errors(Map.of(
                Columns.REPORT_ID,
                "R1",
                Columns.VICTIM_NAME,
                "x",
                Columns.GOVERNORATE,
                "Alepo",
                Columns.AGE,
                "abc",
                Columns.DISAPPEARED_ON,
                "2013-02-30",
                Columns.GENDER,
                "q",
                Columns.LATITUDE,
                "x"));
        assertThat(errors)
                .extracting(RowError::field)
                .containsExactlyInAnyOrder(
                        Columns.GOVERNORATE, Columns.AGE, Columns.DISAPPEARED_ON, Columns.GENDER, Columns.LONGITUDE);
        for (RowError e : errors) {
            String arabic = onScreen(e.text(), "ar");
            assertThat(arabic).as(e.message()).doesNotContain("!").startsWith(arabic.substring(0, 1));
            assertThat(arabic.codePoints()
                            .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                            .count())
                    .as(arabic)
                    .isGreaterThan(10);
            assertThat(onScreen(e.text(), "en"))
                    .as("English on screen is the API's message")
                    .isEqualTo(e.message());
        }
        RowError governorate = errors.stream()
                .filter(e -> e.field().equals(Columns.GOVERNORATE))
                .findFirst()
                .get();
        assertThat(governorate.message())
                .isEqualTo("governorate 'Alepo' is not recognised (a typo?); write its English "
                        + "or Arabic name or its p-code (SY01–SY14), or leave it empty when unknown");
        assertThat(onScreen(governorate.text(), "ar")).startsWith("المحافظة «" + Bidi.FSI + "Alepo" + Bidi.PDI + "»");
        RowError date = errors.stream()
                .filter(e -> e.field().equals(Columns.DISAPPEARED_ON))
                .findFirst()
                .get();
        assertThat(date.message()).startsWith("'2013-02-30' is not an accepted date: February 2013 has no day 30.");
        assertThat(onScreen(date.text(), "ar")).contains("ليس تاريخاً مقبولاً").contains("ليس فيه يوم");
    }

    @Test
    void a_file_reason_in_arabic_has_no_bidi_marks_and_the_api_json_of_an_error_is_unchanged() throws Exception {
        RowError e = errors(Map.of(Columns.REPORT_ID, "R1", Columns.VICTIM_NAME, "x", Columns.GOVERNORATE, "Alepo"))
                .get(0);
        assertThat(e.text().in(Messages.ARABIC))
                .startsWith("المحافظة «Alepo»")
                .doesNotContain(String.valueOf(Bidi.FSI));
        assertThat(new ObjectMapper()
                        .readTree(new ObjectMapper().writeValueAsString(e))
                        .fieldNames())
                .toIterable()
                .containsExactly("row", "field", "message");
    }

    @Test
    void a_stored_reason_reads_back_in_any_language() {
        RowError e = errors(
                        Map.of(Columns.REPORT_ID, "R1", Columns.VICTIM_NAME, "x", Columns.DISAPPEARED_ON, "2013-13"))
                .get(0);
        Text stored = Text.fromMap(new ObjectMapper().convertValue(e.text().toMap(), Map.class))
                .orElseThrow();
        assertThat(stored.in(Messages.ARABIC))
                .isEqualTo(e.text().in(Messages.ARABIC))
                .contains("لا يوجد شهر رقمه 13");
        assertThat(stored.english()).isEqualTo(e.text().english());
    }

    @Test
    void an_import_stopped_part_way_says_so_in_arabic_with_the_batch_id_isolated() {
        ImportStoppedException stopped = new ImportStoppedException(
                "20261206-3f2a",
                new ImportCounts(1234, 1000, 200, 4, 30),
                new ImportRun.RowLimitException(
                        Text.of("import.error.row-limit", 1235L, 1234L, "athar.import.max-rows")));
        assertThat(stopped.getMessage())
                .isEqualTo(
                        "Data row 1,235 is past the limit of 1,234 rows per file (setting "
                                + "athar.import.max-rows); split the file into parts of at most 1,234 rows and import the rest, or ask "
                                + "an administrator to raise the limit. The 1,234 rows read before this are in import 20261206-3f2a "
                                + "(1,000 new, 200 updated, 4 unchanged, 30 rejected); importing the corrected file again is safe.");
        String arabic = onScreen(stopped.text(), "ar");
        assertThat(arabic)
                .startsWith("صف البيانات")
                .contains(Bidi.FSI + "20261206-3f2a" + Bidi.PDI)
                .contains(Bidi.FSI + "athar.import.max-rows" + Bidi.PDI);
    }
}
