package org.athar.security;

import java.util.Locale;

/**
 * The change conflicts with the accounts as they are: the username is taken, or it would leave no enabled
 * administrator (the API answers 409).
 */
public class UserConflictException extends RuntimeException {

    /** Which conflict; bundle key {@code user.conflict.<code>}. */
    public enum Kind {
        USERNAME_TAKEN,
        LAST_ADMIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Kind kind;

    public UserConflictException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
