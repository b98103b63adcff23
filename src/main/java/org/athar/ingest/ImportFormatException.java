package org.athar.ingest;

import org.athar.i18n.Text;

/** The uploaded file as a whole cannot be read (wrong format, no usable header, damaged workbook); says what to do. */
public class ImportFormatException extends RuntimeException {

    private final transient Text text;

    public ImportFormatException(String message) {
        this(message, (Throwable) null);
    }

    public ImportFormatException(String message, Throwable cause) {
        super(message, cause);
        // A reason not yet worded in the bundles is shown in English inside a translated sentence.
        this.text = Text.of("import.error.file", message);
    }

    /** A reason worded in the bundles: the message is its English wording (for the API and the logs). */
    public ImportFormatException(Text text) {
        this(text, null);
    }

    public ImportFormatException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** What went wrong and what to do, in the reader's language. */
    public Text text() {
        return text;
    }
}
