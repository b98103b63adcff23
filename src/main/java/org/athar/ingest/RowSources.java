package org.athar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.athar.i18n.Text;

/** Opens an uploaded file as a {@link RowSource}, choosing the reader by the file name's extension. */
public final class RowSources {

    private RowSources() {}

    /**
     * A reader for {@code in}, which it then owns (closing the source closes the stream). Throws
     * {@link ImportFormatException} for a file type it does not read or a file whose header cannot be used.
     */
    public static RowSource open(InputStream in, String fileName) throws IOException {
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "csv", "txt" -> new CsvRowSource(in);
            case "xlsx" -> XlsxRowSource.open(in);
            case "jsonl", "ndjson", "json" -> new JsonLinesRowSource(in);
            default -> {
                in.close();
                throw new ImportFormatException(Text.of("import.error.file-type", fileName));
            }
        };
    }
}
