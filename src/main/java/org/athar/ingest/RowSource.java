package org.athar.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A streaming reader of one uploaded file: rows one at a time, never the whole file in memory. */
public interface RowSource extends Closeable {

    /** Header names that are not canonical columns (reported to the user, not fatal), as written. */
    List<String> unknownColumns();

    /** The next data row, or empty at the end of the file. */
    Optional<RawRow> next() throws IOException;
}
