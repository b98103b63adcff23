package org.athar.sharing;

/** A recipient or sender that cannot be registered as given: {@link #field()} names the field that is wrong. */
public class RegistrationException extends IllegalArgumentException {

    private final String field;

    public RegistrationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that is wrong, e.g. {@code publicKey}. */
    public String field() {
        return field;
    }
}
