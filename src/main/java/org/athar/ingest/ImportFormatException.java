package org.athar.ingest;

/** The uploaded file as a whole cannot be read (wrong format, no usable header, damaged workbook); says what to do. */
public class ImportFormatException extends RuntimeException {

    public ImportFormatException(String message) {
        super(message);
    }

    public ImportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
