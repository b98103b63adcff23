package org.athar.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.athar.ingest.BatchImported;
import org.athar.security.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code athar.linkage.automatic-relink}: on (the default) a large import starts the full re-link by itself; off, it
 * only marks the re-link needed, with the number of reports, for an administrator to start (docs/configuration.md).
 */
class AutomaticRelinkSettingTest {

    private final ReportRecordStore reports = mock(ReportRecordStore.class);
    private final PersonStore persons = mock(PersonStore.class);
    private final FullRelink fullRelink = mock(FullRelink.class);
    private final BatchLinking batches = mock(BatchLinking.class);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    private LinkageWorker worker;

    private LinkageWorker worker(boolean automatic) throws Exception {
        when(reports.reportCount()).thenReturn(200_000L);
        when(persons.reportsInPersons()).thenReturn(140_000L);
        when(fullRelink.run(any(), any())).thenReturn(new FullRelink.Outcome(200_000, 10, 190_000));
        worker = new LinkageWorker(
                reports,
                persons,
                fullRelink,
                batches,
                mock(RemovedReports.class),
                mock(ReviewOrder.class),
                mock(AuditLog.class),
                clock,
                automatic);
        return worker;
    }

    @AfterEach
    void stop() {
        worker.destroy();
    }

    @Test
    void off_a_large_import_marks_the_relink_needed_and_starts_nothing() throws Exception {
        LinkageWorker w = worker(false);
        w.onBatchImported(new BatchImported("b1", 60_000));
        w.awaitIdle(Duration.ofSeconds(10));

        assertThat(w.status().state()).isEqualTo("needed");
        assertThat(w.status().needed()).isTrue();
        assertThat(w.status().running()).isFalse();
        assertThat(w.status().total()).isEqualTo(200_000);
        verify(fullRelink, never()).run(any(), any());
        verify(batches, never()).linkBatch(any());
    }

    @Test
    void off_a_start_that_finds_persons_out_of_step_marks_it_needed() throws Exception {
        LinkageWorker w = worker(false);
        w.checkAtStart();
        w.awaitIdle(Duration.ofSeconds(10));

        assertThat(w.status().state()).isEqualTo("needed");
        verify(fullRelink, never()).run(any(), any());
    }

    @Test
    void on_the_same_import_starts_the_full_relink() throws Exception {
        LinkageWorker w = worker(true);
        w.onBatchImported(new BatchImported("b1", 60_000));
        w.awaitIdle(Duration.ofSeconds(10));

        verify(fullRelink, timeout(10_000)).run(any(), any());
        assertThat(w.status().state()).isEqualTo("done");
        assertThat(w.status().persons()).isEqualTo(190_000);
    }
}
