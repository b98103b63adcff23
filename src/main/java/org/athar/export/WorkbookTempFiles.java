package org.athar.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * Where the streaming workbook spills its Records sheets (victims' names) while it writes: a directory of this
 * process that only Athar's user can enter, made on first use.
 *
 * <p>POI's default is {@code /tmp/poifiles}, one directory for every user of the machine: whoever makes it first
 * owns it, and an Athar running as another user then fails every workbook export with "AccessDeniedException:
 * /tmp/poifiles/…" (seen when the tests ran as a non-root user after a run as root, issue 24).
 */
final class WorkbookTempFiles {

    private static Path directory;

    private WorkbookTempFiles() {}

    /** Points POI at Athar's own temporary directory (once per process); the directory POI now writes into. */
    static synchronized Path usePrivateDirectory() {
        if (directory == null) {
            try {
                // createTempDirectory makes it rwx------ on POSIX systems.
                Path dir = Files.createTempDirectory("athar-workbooks-");
                dir.toFile().deleteOnExit();
                TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
                directory = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot make a temporary directory for workbook exports under "
                                + System.getProperty("java.io.tmpdir") + " (" + e.getMessage()
                                + "); check that Athar's user "
                                + "can write there, or set -Djava.io.tmpdir to a directory it can write",
                        e);
            }
        }
        return directory;
    }
}
