package org.athar.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.athar.analytics.DisclosureProfile;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.search.ReportQuery;
import org.athar.security.Role;
import org.athar.security.Viewer;
import org.junit.jupiter.api.Test;

/**
 * A workbook that fails while it is written: the Exports page gets a fixed sentence in the user's language, never the
 * exception's text (engine internals, class names), which goes to the server log.
 */
class ExportJobsFailureTest {

    private static final String INTERNALS = "co.elastic.clients.transport.TransportException: node "
            + "http://127.0.0.1:9200/ [es/search] failed: java.lang.IllegalStateException at WorkbookWriter.java:212";

    /** An export service whose workbook throws {@code failure} once it starts writing. */
    private static ExportService failingWith(Exception failure) {
        return new ExportService(null, null, null, null, new Messages(), Gazetteer.load(), Clock.systemUTC(), 100) {
            @Override
            public Prepared prepare(Viewer viewer, String clientAddress, Request request) {
                return new Prepared() {
                    @Override
                    public Format format() {
                        return Format.WORKBOOK;
                    }

                    @Override
                    public long rows() {
                        return 0;
                    }

                    @Override
                    public DisclosureProfile profile() {
                        return DisclosureProfile.PUBLIC;
                    }

                    @Override
                    public DownloadName name() {
                        return new DownloadName(
                                "athar-workbook-persons-2026-12-06.xlsx", "athar-workbook-persons-2026-12-06.xlsx");
                    }

                    @Override
                    public void write(OutputStream out, LongConsumer progress) throws IOException {
                        if (failure instanceof IOException io) {
                            throw io;
                        }
                        throw (RuntimeException) failure;
                    }
                };
            }
        };
    }

    private static ExportJobs.Status failedJob(Exception failure) throws Exception {
        ExportJobs jobs = new ExportJobs(failingWith(failure), Clock.systemUTC());
        Viewer writer = new Viewer("writer-export-test", java.util.Set.of(Role.WRITER));
        try {
            ExportJobs.Status started = jobs.start(
                    writer,
                    "127.0.0.1",
                    new ExportService.Request(
                            ExportService.Format.WORKBOOK, ReportQuery.all(), Locale.ENGLISH, Optional.empty(), "x"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (Instant.now().isBefore(deadline)) {
                ExportJobs.Status s = jobs.status(writer, started.id()).orElseThrow();
                if (s.state() != ExportJobs.State.RUNNING) {
                    return s;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the job did not end within 10 s");
        } finally {
            jobs.stop();
        }
    }

    @Test
    void a_workbook_that_fails_shows_a_fixed_sentence_in_both_languages_without_the_exception_text() throws Exception {
        Messages messages = new Messages();
        for (Exception failure : new Exception[] {
            new IllegalStateException(INTERNALS),
            new IOException(INTERNALS),
            new java.io.UncheckedIOException(new IOException(INTERNALS))
        }) {
            ExportJobs.Status status = failedJob(failure);
            assertThat(status.state()).isEqualTo(ExportJobs.State.FAILED);
            ExportJobs.Failure why = status.error().orElseThrow();
            assertThat(why)
                    .isEqualTo(
                            failure instanceof IllegalStateException
                                    ? ExportJobs.Failure.INTERNAL
                                    : ExportJobs.Failure.READ_OR_WRITE);
            for (Locale locale : new Locale[] {Messages.ENGLISH, Messages.ARABIC}) {
                String shown = messages.get(why.messageKey(), locale);
                assertThat(shown)
                        .isNotBlank()
                        .doesNotContain("{0}")
                        .doesNotContain("127.0.0.1")
                        .doesNotContainIgnoringCase("exception")
                        .doesNotContain("java.");
            }
            assertThat(status.toString()).doesNotContain("127.0.0.1").doesNotContain("IllegalStateException");
        }
    }
}
