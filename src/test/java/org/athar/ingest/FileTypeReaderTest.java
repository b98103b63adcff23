package org.athar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FileTypeReaderTest {

    @Test
    void the_reader_is_chosen_by_extension_whatever_its_case() throws IOException {
        try (RowSource csv = Uploads.open("Reports.CSV", "report_id\nR1\n");
                RowSource txt = Uploads.open("reports.txt", "report_id\nR1\n");
                RowSource jsonl = Uploads.open("reports.JSONL", "{}");
                RowSource ndjson = Uploads.open("reports.ndjson", "{}");
                RowSource json = Uploads.open("reports.Json", "{}")) {
            assertThat(csv).isInstanceOf(CsvRowSource.class);
            assertThat(txt).isInstanceOf(CsvRowSource.class);
            assertThat(jsonl).isInstanceOf(JsonLinesRowSource.class);
            assertThat(ndjson).isInstanceOf(JsonLinesRowSource.class);
            assertThat(json).isInstanceOf(JsonLinesRowSource.class);
        }
    }

    @Test
    void an_unknown_extension_is_refused_listing_the_accepted_formats() {
        assertThatThrownBy(() -> Uploads.open("reports.xls", "anything"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("'reports.xls'")
                .hasMessageContaining(".csv")
                .hasMessageContaining(".xlsx")
                .hasMessageContaining(".jsonl");
        assertThatThrownBy(() -> Uploads.open("reports", "anything")).isInstanceOf(ImportFormatException.class);
    }
}
