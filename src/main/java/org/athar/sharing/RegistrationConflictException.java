package org.athar.sharing;

/** A recipient or sender whose name (or key) is registered already; {@link #field()} names which. */
public class RegistrationConflictException extends IllegalStateException {

    private final String field;

    public RegistrationConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that collides, {@code name} or {@code publicKey}. */
    public String field() {
        return field;
    }
}
