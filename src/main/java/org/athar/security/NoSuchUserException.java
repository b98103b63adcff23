package org.athar.security;

/** No account has this username (the API answers 404). */
public class NoSuchUserException extends RuntimeException {

    public NoSuchUserException(String username) {
        super("there is no user '" + username + "'; GET /api/v1/admin/users lists them");
    }
}
