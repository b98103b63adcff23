package org.athar.security;

import java.util.Locale;

/**
 * A username, password or role list was refused; {@link #field()} names the input to fix (the API answers 400 with
 * it, the UI shows {@code user.invalid.<reason>}).
 */
public class InvalidUserException extends RuntimeException {

    /** Why; each has a bundle key {@code user.invalid.<code>} for the UI. */
    public enum Reason {
        USERNAME_FORMAT,
        PASSWORD_TOO_SHORT,
        PASSWORD_TOO_LONG,
        PASSWORD_IS_USERNAME,
        PASSWORD_CONTAINS_USERNAME,
        PASSWORD_COMMON,
        PASSWORD_REPETITIVE,
        WRONG_CURRENT_PASSWORD,
        NO_ROLE,
        UNKNOWN_ROLE,
        TOKEN_NAME,
        TOO_MANY_TOKENS,
        UNKNOWN_FIELD,
        WRONG_TYPE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String field;
    private final Reason reason;

    public InvalidUserException(String field, Reason reason, String message) {
        super(message);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
