package org.athar.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportResult;
import org.athar.ingest.ImportService;
import org.athar.platform.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * On a first start with an empty index (and {@code athar.demo.enabled}, the default), loads synthetic demo data
 * through the normal import, so the portal has something to show; every report is marked synthetic.
 */
@Component
class DemoDataLoader {

    static final String SOURCE_FILE = "synthetic-demo-data.csv";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ImportService imports;
    private final boolean enabled;
    private final long size;
    /** Loads on a thread of its own, so the application is ready while the data is imported; never delays exit. */
    private final SimpleAsyncTaskExecutor loader = Tasks.threads("athar-demo-data", Duration.ZERO);

    DemoDataLoader(ImportService imports, DemoProperties demo) {
        this.imports = imports;
        this.enabled = demo.enabled();
        this.size = demo.size();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (!enabled) {
            return;
        }
        loader.execute(this::load);
    }

    private void load() {
        try {
            if (imports.reportCount() > 0) {
                return;
            }
            log.info(
                    "The index is empty: loading {} reports of synthetic demo data (athar.demo.enabled=false turns "
                            + "this off)",
                    size);
            Path csv = Files.createTempFile("athar-demo", ".csv");
            try {
                DemoCommand.writeCsv(csv, size);
                try (InputStream in = Files.newInputStream(csv)) {
                    ImportResult r = imports.importFile(
                            in, SOURCE_FILE, new ImportOptions(Optional.empty(), "demo-loader", true), c -> {});
                    log.info(
                            "Synthetic demo data loaded: {} reports stored, {} rejected (batch {})",
                            r.indexed() + r.updated() + r.unchanged(),
                            r.rejected(),
                            r.batchId());
                }
            } finally {
                Files.deleteIfExists(csv);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not load the synthetic demo data: {}", e.getMessage());
        }
    }
}
