package org.athar.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Counts the rows of a file in a JVM of its own, so a test can give the readers a small heap. */
final class LargeFileCount {

    private LargeFileCount() {}

    /** Arguments: the file and its upload name; prints "rows, unreadable, last row number". */
    public static void main(String[] args) throws IOException {
        long rows = 0;
        long unreadable = 0;
        long last = 0;
        try (RowSource source = RowSources.open(Files.newInputStream(Path.of(args[0])), args[1])) {
            for (Optional<RawRow> row = source.next(); row.isPresent(); row = source.next()) {
                rows++;
                unreadable += row.get().unreadable().isPresent() ? 1 : 0;
                last = row.get().number();
            }
        }
        System.out.println(rows + " rows, " + unreadable + " unreadable, last " + last);
    }
}
