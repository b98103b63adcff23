package org.athar.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.athar.i18n.Text;

/**
 * Why a row was rejected: its data-row number (from 1), the column at fault and a message saying what to fix. The
 * message is English (the API's and the logs' wording); {@code text} is the same reason for a screen or file in the
 * reader's language, and is not part of the API's JSON.
 */
public record RowError(
        long row, String field, String message, @JsonIgnore Text text) {

    public RowError(long row, String field, String message) {
        this(row, field, message, Text.of("import.error.english", message));
    }

    static RowError of(long row, String field, Text text) {
        return new RowError(row, field, text.english(), text);
    }
}
