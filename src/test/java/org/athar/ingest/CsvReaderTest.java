package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.athar.ingest.Uploads.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void rows_are_read_by_canonical_header_and_numbered_from_one() throws IOException {
        List<RawRow> rows = read("reports.csv", "report_id,victim_name,age\nR1,Ahmad Khalil,34\nR2,Lina Saleh,17\n");

        assertThat(rows).extracting(RawRow::number).containsExactly(1L, 2L);
        assertThat(rows.get(0).values())
                .isEqualTo(Map.of("report_id", "R1", "victim_name", "Ahmad Khalil", "age", "34"));
        assertThat(rows.get(1).value(Columns.VICTIM_NAME)).isEqualTo("Lina Saleh");
        assertThat(rows).allSatisfy(row -> assertThat(row.unreadable()).isEmpty());
    }

    @Test
    void arabic_headers_and_arabic_text_are_read_as_written() throws IOException {
        List<RawRow> rows = read(
                "بلاغات.csv",
                "رقم البلاغ,اسم الضحية,المحافظة,تاريخ الإختفاء,الجهة_المسؤولة\nب-١٧,محمد الأحمد,حلب,٢٠١٣/٠٥/٠٤,فرع فلسطين\n");

        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.values())
                        .isEqualTo(Map.of(
                                "report_id",
                                "ب-١٧",
                                "victim_name",
                                "محمد الأحمد",
                                "governorate",
                                "حلب",
                                "disappeared_on",
                                "٢٠١٣/٠٥/٠٤",
                                "perpetrator",
                                "فرع فلسطين")));
    }

    @Test
    void a_byte_order_mark_before_the_header_is_ignored() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write("report_id,victim_name\r\nR1,سامر\r\n".getBytes(StandardCharsets.UTF_8));

        try (RowSource source = Uploads.open("excel-utf8.csv", file.toByteArray())) {
            assertThat(source.unknownColumns()).isEmpty();
            assertThat(source.next())
                    .hasValueSatisfying(row ->
                            assertThat(row.values()).isEqualTo(Map.of("report_id", "R1", "victim_name", "سامر")));
        }
    }

    @Test
    void a_semicolon_header_makes_semicolons_the_delimiter_and_commas_plain_text() throws IOException {
        List<RawRow> rows = read(
                "excel-ar.csv", "report_id;victim_name;narrative\nR1;Ahmad;arrested at a checkpoint, then moved\n");

        assertThat(rows.get(0).value(Columns.NARRATIVE)).isEqualTo("arrested at a checkpoint, then moved");
        assertThat(rows.get(0).value(Columns.VICTIM_NAME)).isEqualTo("Ahmad");
    }

    @Test
    void a_quoted_value_may_span_lines_and_hold_delimiters_and_quotes() throws IOException {
        List<RawRow> rows = read(
                "reports.csv",
                "report_id,narrative\r\n"
                        + "R1,\"taken from home;\r\nlast seen in \"\"Branch 215\"\", Damascus\"\r\nR2,short\r\n");

        assertThat(rows).extracting(RawRow::number).containsExactly(1L, 2L);
        assertThat(rows.get(0).value(Columns.NARRATIVE))
                .isEqualTo("taken from home;\r\nlast seen in \"Branch 215\", Damascus");
        assertThat(rows.get(1).value(Columns.NARRATIVE)).isEqualTo("short");
    }

    @Test
    void surrounding_spaces_are_trimmed_but_spaces_inside_a_value_are_kept() throws IOException {
        List<RawRow> rows = read("reports.csv", "report_id , victim_name\n R1 ,  Abu  Ali  \nR2,\"  quoted  \"\n");

        assertThat(rows.get(0).values()).isEqualTo(Map.of("report_id", "R1", "victim_name", "Abu  Ali"));
        assertThat(rows.get(1).value(Columns.VICTIM_NAME)).isEqualTo("  quoted  ");
    }

    @Test
    void unknown_columns_are_listed_and_their_values_left_out() throws IOException {
        try (RowSource source =
                Uploads.open("reports.csv", "report_id,Phone number,victim_name,notes_2\nR1,0944,Ahmad,x\n")) {
            assertThat(source.unknownColumns()).containsExactly("Phone number", "notes_2");
            assertThat(source.next())
                    .hasValueSatisfying(row ->
                            assertThat(row.values()).isEqualTo(Map.of("report_id", "R1", "victim_name", "Ahmad")));
        }
    }

    @Test
    void a_value_under_a_column_without_a_name_is_reported_not_dropped_silently() throws IOException {
        try (RowSource source =
                Uploads.open("reports.csv", "report_id,victim_name,\nR1,Ahmad,\nR2,Lina,see file 9\n")) {
            assertThat(Uploads.readAll(source)).hasSize(2);
            assertThat(source.unknownColumns()).containsExactly("column 3 (no header)");
        }
    }

    @Test
    void a_row_with_more_values_than_header_columns_is_unreadable_and_keeps_its_text() throws IOException {
        List<RawRow> rows = read("reports.csv", "report_id,victim_name\nR1,Khalil, Ahmad,Aleppo\nR2,Lina,,\n");

        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(0).unreadable())
                .contains("row has 4 values but the header has 2 columns"
                        + " (a value with a , in it must be in quotes)");
        assertThat(rows.get(0).value(Columns.RAW)).isEqualTo("R1,Khalil, Ahmad,Aleppo");
        assertThat(rows.get(1).unreadable())
                .as("trailing empty values are not extra values")
                .isEmpty();
        assertThat(rows.get(1).values()).isEqualTo(Map.of("report_id", "R2", "victim_name", "Lina"));
    }

    @Test
    void a_row_with_fewer_values_leaves_the_missing_columns_empty() throws IOException {
        List<RawRow> rows = read("reports.csv", "report_id,victim_name,age\nR1\n");

        assertThat(rows.get(0).values()).isEqualTo(Map.of("report_id", "R1"));
        assertThat(rows.get(0).value(Columns.AGE)).isEmpty();
    }

    @Test
    void blank_lines_and_rows_of_empty_values_are_not_data_rows() throws IOException {
        List<RawRow> rows = read("reports.csv", "\nreport_id,victim_name\n\nR1,Ahmad\n   \n, \nR2,Lina\n\n");

        assertThat(rows)
                .extracting(row -> row.number() + ":" + row.value(Columns.REPORT_ID))
                .containsExactly("1:R1", "2:R2");
    }

    @Test
    void a_quote_never_closed_makes_the_rest_of_the_file_one_unreadable_row() throws IOException {
        List<RawRow> rows = read(
                "reports.csv",
                "report_id,narrative\nR1,fine\nR2,\"the quote opens here\nR3,and this row is swallowed\nR4,too\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).value(Columns.NARRATIVE)).isEqualTo("fine");
        assertThat(rows.get(1).number()).isEqualTo(2);
        assertThat(rows.get(1).unreadable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("never closed"));
        assertThat(rows.get(1).value(Columns.RAW))
                .isEqualTo("R2,\"the quote opens here\nR3,and this row is swallowed\nR4,too\n");
    }

    @Test
    void a_quote_never_closed_keeps_at_most_a_million_characters_so_memory_stays_bounded() throws IOException {
        String rest = "x".repeat(CsvRecords.MAX_CHARS + 10);
        List<RawRow> rows = read("reports.csv", "report_id,narrative\nR1,\"" + rest + "\nR2,lost\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.value(Columns.RAW)).hasSize(CsvRecords.MAX_CHARS).startsWith("R1,\"xxx");
            assertThat(row.unreadable())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("never closed"));
        });
    }

    @Test
    void a_closed_row_longer_than_a_million_characters_is_unreadable_and_the_next_row_is_read() throws IOException {
        String narrative = "y".repeat(CsvRecords.MAX_CHARS);
        List<RawRow> rows = read("reports.csv", "report_id,narrative\nR1,\"" + narrative + "\"\nR2,short\n");

        assertThat(rows.get(0).unreadable()).contains("the row is longer than 1048576 characters");
        assertThat(rows.get(1).values()).isEqualTo(Map.of("report_id", "R2", "narrative", "short"));
    }

    @Test
    void text_after_a_closing_quote_makes_only_that_row_unreadable() throws IOException {
        List<RawRow> rows = read("reports.csv", "report_id,victim_name\nR1,\"Ahmad\" Khalil\nR2,Lina\n");

        assertThat(rows.get(0).unreadable())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not valid CSV"));
        assertThat(rows.get(0).value(Columns.RAW)).isEqualTo("R1,\"Ahmad\" Khalil");
        assertThat(rows.get(1).values()).isEqualTo(Map.of("report_id", "R2", "victim_name", "Lina"));
    }

    @Test
    void two_headers_for_the_same_column_are_refused() {
        assertThatThrownBy(() -> Uploads.open("reports.csv", "report_id,victim_name,اسم الضحية\nR1,a,b\n"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining(
                        "names column victim_name twice: 'victim_name' (column 2) and 'اسم الضحية' (column 3)");
    }

    @Test
    void a_header_without_report_id_is_refused_with_the_arabic_name_too() {
        assertThatThrownBy(() -> Uploads.open("reports.csv", "victim_name,age\nAhmad,34\n"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("The file has no column report_id (or رقم البلاغ)")
                .hasMessageContaining("docs/data-format.md");
    }

    @Test
    void a_file_whose_first_line_is_data_is_refused() {
        assertThatThrownBy(() -> Uploads.open("reports.csv", "R1,Ahmad,34\nR2,Lina,17\n"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("no known column name (it reads: R1, Ahmad, 34)");
    }

    @Test
    void an_empty_file_is_refused() {
        assertThatThrownBy(() -> Uploads.open("reports.csv", "\n\n"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("The file is empty");
    }

    @Test
    void a_file_in_an_arabic_windows_code_page_is_refused_with_advice() {
        byte[] windows1256 = "report_id,victim_name\nR1,محمد\n".getBytes(Charset.forName("windows-1256"));

        assertThatThrownBy(() -> Uploads.readAll(Uploads.open("reports.csv", windows1256)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void a_windows_1256_row_deep_in_a_utf8_file_is_named_exactly_and_the_rows_before_it_are_read() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("report_id,victim_name\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < 15_000; i++) {
            file.writeBytes(("R" + i + ",سامر الخطيب\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("R15000,محمد\n".getBytes(Charset.forName("windows-1256")));
        file.writeBytes("R15001,Lina\n".getBytes(StandardCharsets.UTF_8));
        List<RawRow> read = new java.util.ArrayList<>();

        try (RowSource source = Uploads.open("reports.csv", file.toByteArray())) {
            assertThatThrownBy(() -> {
                        for (Optional<RawRow> row = source.next(); row.isPresent(); row = source.next()) {
                            read.add(row.get());
                        }
                    })
                    .isInstanceOf(ImportFormatException.class)
                    .hasMessageContaining("data row 15000 holds bytes that are not UTF-8")
                    .hasMessageContaining("Windows-1256");
        }
        assertThat(read).hasSize(14_999);
        assertThat(read.get(14_998).value("victim_name")).isEqualTo("سامر الخطيب");
    }

    @Test
    void a_header_in_windows_1256_is_refused_before_any_row() {
        byte[] file = "رقم,الاسم\nR1,x\n".getBytes(Charset.forName("windows-1256"));

        assertThatThrownBy(() -> Uploads.open("reports.csv", file))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("the header line holds bytes that are not UTF-8");
    }

    @Test
    void a_txt_file_is_read_as_csv() throws IOException {
        assertThat(Uploads.read("EXPORT.TXT", "report_id\nR1\n"))
                .extracting(row -> row.value(Columns.REPORT_ID))
                .containsExactly("R1");
    }

    @Test
    void the_end_of_the_file_is_reported_again_when_asked_again() throws IOException {
        try (RowSource source = Uploads.open("reports.csv", "report_id\nR1")) {
            assertThat(source.next()).isPresent();
            assertThat(source.next()).isEqualTo(Optional.empty());
            assertThat(source.next()).isEmpty();
        }
    }
}
