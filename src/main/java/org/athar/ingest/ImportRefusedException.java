package org.athar.ingest;

/** An import not started because a restore is replacing the stored reports; nothing of the file was stored. */
public class ImportRefusedException extends ImportFailedException {

    public ImportRefusedException(String message) {
        super(message, null);
    }
}
