package org.athar.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test uploads: files opened the way the import opens them, and read to the end. */
final class Uploads {

    private Uploads() {}

    static RowSource open(String fileName, String content) throws IOException {
        return open(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static RowSource open(String fileName, byte[] content) throws IOException {
        return RowSources.open(new ByteArrayInputStream(content), fileName);
    }

    static List<RawRow> readAll(RowSource source) throws IOException {
        try (source) {
            List<RawRow> rows = new ArrayList<>();
            for (Optional<RawRow> row = source.next(); row.isPresent(); row = source.next()) {
                rows.add(row.get());
            }
            return rows;
        }
    }

    static List<RawRow> read(String fileName, String content) throws IOException {
        return readAll(open(fileName, content));
    }
}
