package org.athar.ingest;

import java.util.Map;
import java.util.Optional;
import org.athar.platform.FormulaGuard;

/**
 * One data row as read from an upload, before validation: its number (data rows counted from 1, the header is not
 * a data row), its values keyed by canonical column name, and why it could not be read, if it could not.
 */
public record RawRow(long number, Map<String, String> values, Optional<String> unreadable) {

    public static RawRow of(long number, Map<String, String> values) {
        return new RawRow(number, Map.copyOf(values), Optional.empty());
    }

    /** A row that could not be parsed at all; {@code raw} keeps what was there so nothing is lost. */
    public static RawRow unreadable(long number, String raw, String reason) {
        return new RawRow(number, Map.of(Columns.RAW, raw), Optional.of(reason));
    }

    /**
     * The cell's text. A leading apostrophe before {@code = + - @} is the formula-injection guard Athar writes into
     * CSV files (rejected rows, exports); it is removed so a downloaded file re-imports unchanged.
     */
    public String value(String column) {
        return FormulaGuard.unguarded(values.getOrDefault(column, ""));
    }
}
