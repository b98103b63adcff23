package org.athar.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportBatch;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Facts about the data set, read from the real engine after real imports. */
class DataSetFactsTest extends AtharIntegrationTest {

    @Autowired
    DataSetFacts facts;

    @Autowired
    ImportService imports;

    @Autowired
    ElasticsearchClient client;

    private final String source = "Data Set Test " + UUID.randomUUID();

    private ImportResult importRows(String csv, Optional<String> source, boolean synthetic) throws IOException {
        ImportResult r = imports.importFile(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "facts.csv",
                new ImportOptions(source, "data-set-test", synthetic),
                c -> {});
        assertThat(r.rejected()).as("%s", r.errors()).isZero();
        return r;
    }

    @Test
    void an_import_of_synthetic_reports_makes_the_data_set_say_so_and_name_its_source() throws IOException {
        importRows("report_id,victim_name\nD1,Synthetic Person\n", Optional.of(source), true);

        assertThat(facts.holdsSyntheticData()).isTrue();
        assertThat(facts.sources()).contains(source);
    }

    @Test
    void the_last_import_is_when_the_newest_stored_batch_ended_as_the_import_list_shows_it() throws IOException {
        ImportResult r = importRows("report_id,victim_name\nD2,Test Person\n", Optional.of(source), false);
        Instant ended =
                imports.batch(r.batchId()).flatMap(ImportBatch::finishedAt).orElseThrow();

        Optional<Instant> last = facts.lastImport();

        assertThat(last).isPresent();
        assertThat(last.get()).isAfterOrEqualTo(ended);
        // The answer the export's "About" sheet gave before it asked this service: the latest end of the batches the
        // Import screen lists.
        assertThat(last)
                .isEqualTo(imports.recentBatches().stream()
                        .map(ImportBatch::finishedAt)
                        .flatMap(Optional::stream)
                        .max(Instant::compareTo));
    }

    @Test
    void every_source_present_is_named_once_however_many_pages_it_takes() throws IOException {
        String csv = "source,report_id,victim_name\n"
                + source + " A,D3,Test Person\n"
                + source + " B,D4,Test Person\n"
                + source + " C,D5,Test Person\n"
                + source + " C,D6,Test Person\n";
        importRows(csv, Optional.empty(), false);

        var all = facts.sources();

        assertThat(all).contains(source + " A", source + " B", source + " C").doesNotHaveDuplicates();
        assertThat(new DataSetStore(client, 2).sources()).isEqualTo(all);
    }

    @Test
    void an_engine_that_does_not_answer_is_an_io_error_as_before() throws IOException {
        try (RestClient rest =
                RestClient.builder(new HttpHost("127.0.0.1", 9, "http")).build()) {
            DataSetFacts down = new DataSetFacts(
                    new DataSetStore(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()))));

            assertThatThrownBy(down::holdsSyntheticData).isInstanceOf(IOException.class);
            assertThatThrownBy(down::sources).isInstanceOf(IOException.class);
            assertThatThrownBy(down::lastImport).isInstanceOf(IOException.class);
        }
    }
}
