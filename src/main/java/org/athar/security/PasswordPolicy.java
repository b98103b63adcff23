package org.athar.security;

import java.util.Locale;
import java.util.regex.Pattern;
import org.athar.security.InvalidUserException.Reason;

/** What a username and a password must be. Length, not composition rules: a long passphrase is the advice. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private PasswordPolicy() {}

    /** The username as stored: usernames are case-insensitive, so lower case. */
    static String username(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidUserException("username", Reason.USERNAME_FORMAT, "username '" + (raw == null ? "" : raw)
                    + "' must be 3 to 64 characters: Latin letters, digits, dot, underscore or hyphen, starting with "
                    + "a letter or digit");
        }
        return name;
    }

    static void check(String username, String password, String field) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidUserException(field, Reason.PASSWORD_TOO_SHORT, field + " must be at least " + MIN_LENGTH
                    + " characters (a few words make a strong one)");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidUserException(field, Reason.PASSWORD_TOO_LONG, field + " must be at most " + MAX_LENGTH
                    + " characters");
        }
        if (password.strip().equalsIgnoreCase(username)) {
            throw new InvalidUserException(field, Reason.PASSWORD_IS_USERNAME, field + " must not be the username");
        }
    }
}
