package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.athar.ingest.Uploads.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    @Test
    void scalars_become_text_as_written_and_null_is_absent() throws IOException {
        List<RawRow> rows = read("reports.jsonl", """
                {"report_id": "R1", "age": 34, "latitude": 36.20, "longitude": 3.7E1, "status_date": null, "narrative": false}
                {"report_id": 1234567890123456789012, "age": 34.0}
                """);

        assertThat(rows.get(0).values())
                .isEqualTo(Map.of(
                        "report_id", "R1", "age", "34", "latitude", "36.2", "longitude", "37", "narrative", "false"));
        assertThat(rows.get(1).values()).isEqualTo(Map.of("report_id", "1234567890123456789012", "age", "34"));
    }

    @Test
    void arabic_keys_and_arabic_values_are_read() throws IOException {
        List<RawRow> rows = read("بلاغات.ndjson", """
                {"رقم البلاغ": "ب-١", "اسم الضحيه": "رامي الحمصي", "المحافظة": "حمص", "Victim-Name-Latin": "Rami al-Homsi"}
                """);

        assertThat(rows)
                .singleElement()
                .satisfies(row -> assertThat(row.values())
                        .isEqualTo(Map.of(
                                "report_id",
                                "ب-١",
                                "victim_name",
                                "رامي الحمصي",
                                "governorate",
                                "حمص",
                                "victim_name_latin",
                                "Rami al-Homsi")));
    }

    @Test
    void a_byte_order_mark_is_ignored() throws IOException {
        byte[] file = ("\uFEFF{\"report_id\": \"R1\"}\n").getBytes(StandardCharsets.UTF_8);

        try (RowSource source = Uploads.open("reports.jsonl", file)) {
            assertThat(source.next())
                    .hasValueSatisfying(row -> assertThat(row.values()).isEqualTo(Map.of("report_id", "R1")));
        }
    }

    @Test
    void a_broken_line_is_one_unreadable_row_and_the_rows_after_it_keep_their_numbers() throws IOException {
        List<RawRow> rows = read("reports.jsonl", """
                {"report_id": "R1"}
                {"report_id": "R2", "victim_name": "Ahmad
                ["R3"]

                {"report_id": "R4"}
                """);

        assertThat(rows).extracting(RawRow::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows.get(1).unreadable())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("not a JSON object: "));
        assertThat(rows.get(1).value(Columns.RAW)).isEqualTo("{\"report_id\": \"R2\", \"victim_name\": \"Ahmad");
        assertThat(rows.get(2).unreadable()).contains("not a JSON object: the line holds an array");
        assertThat(rows.get(3).values()).isEqualTo(Map.of("report_id", "R4"));
    }

    @Test
    void unknown_keys_are_listed_as_they_are_first_seen() throws IOException {
        try (RowSource source = Uploads.open("reports.jsonl", """
                {"report_id": "R1", "phone": "0944"}
                {"report_id": "R2", "notes": "x", "phone": "0933"}
                """)) {
            assertThat(source.unknownColumns()).isEmpty();
            assertThat(source.next())
                    .hasValueSatisfying(row -> assertThat(row.values()).isEqualTo(Map.of("report_id", "R1")));
            assertThat(source.unknownColumns()).containsExactly("phone");
            source.next();
            assertThat(source.unknownColumns()).containsExactly("phone", "notes");
        }
    }

    @Test
    void two_keys_for_the_same_column_make_the_row_unreadable() throws IOException {
        List<RawRow> rows = read("reports.json", """
                {"report_id": "R1", "رقم البلاغ": "R9"}
                {"report_id": "R2", "report_id": "R3"}
                """);

        assertThat(rows.get(0).unreadable())
                .contains("keys 'report_id' and 'رقم البلاغ' both mean column report_id; keep one of them");
        assertThat(rows.get(1).unreadable())
                .hasValueSatisfying(reason -> assertThat(reason).contains("Duplicate field 'report_id'"));
    }

    @Test
    void a_json_array_is_refused_with_advice() {
        assertThatThrownBy(() -> read("reports.json", "[\n  {\"report_id\": \"R1\"}\n]\n"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("not JSON Lines")
                .hasMessageContaining("jq -c");
    }

    @Test
    void a_line_in_windows_1256_is_named_exactly_after_thousands_of_good_lines() throws IOException {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= 3000; i++) {
            file.writeBytes(
                    ("{\"report_id\": \"J" + i + "\", \"victim_name\": \"نور\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("{\"report_id\": \"J3001\", \"victim_name\": \"نور\"}\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1256")));
        List<RawRow> read = new java.util.ArrayList<>();

        try (RowSource source = Uploads.open("reports.jsonl", file.toByteArray())) {
            assertThatThrownBy(() -> {
                        for (var row = source.next(); row.isPresent(); row = source.next()) {
                            read.add(row.get());
                        }
                    })
                    .isInstanceOf(ImportFormatException.class)
                    .hasMessageContaining("data row 3001 holds bytes");
        }
        assertThat(read).hasSize(3000);
    }
}
