package org.athar.security;

/**
 * Published (as a Spring application event) whenever an account changes, for the audit log. Never carries a
 * password, hash, token or code.
 *
 * @param actor who made the change (the user themself, an administrator, or {@code system})
 * @param username the account that changed
 * @param change what happened
 * @param detail e.g. the new roles or a token's name; empty when there is nothing to add
 */
public record UserChanged(String actor, String username, Change change, String detail) {

    /** The kinds of change. */
    public enum Change {
        CREATED,
        ROLES_CHANGED,
        ENABLED,
        DISABLED,
        PASSWORD_RESET,
        PASSWORD_CHANGED,
        TWO_FACTOR_ENABLED,
        TWO_FACTOR_RESET,
        RECOVERY_CODE_USED,
        TOKEN_CREATED,
        TOKEN_REVOKED
    }
}
