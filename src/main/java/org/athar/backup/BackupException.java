package org.athar.backup;

/** A backup or restore that cannot be done as asked; {@link #kind()} says which HTTP answer fits. */
public class BackupException extends RuntimeException {

    /** Why, as the API answers it. */
    public enum Kind {
        /** No repository configured (503). */
        NOT_CONFIGURED,
        /** No such backup (404). */
        NOT_FOUND,
        /** The body lacks the confirmation or it names another backup (400). */
        NOT_CONFIRMED,
        /** The name cannot be a backup's: it is checked before it reaches the engine (400). */
        INVALID_NAME,
        /** Another backup or restore is running, or the backup is not complete (409). */
        CONFLICT,
        /** The engine failed part-way (503). */
        FAILED
    }

    private final Kind kind;

    public BackupException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BackupException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
