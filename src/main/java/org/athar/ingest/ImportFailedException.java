package org.athar.ingest;

/** The engine stopped taking writes during an import; the message says what was stored and that a re-run is safe. */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
