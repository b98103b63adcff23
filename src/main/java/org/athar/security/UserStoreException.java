package org.athar.security;

/** The user index did not answer; sign-in and account changes wait for the engine to come back. */
public class UserStoreException extends RuntimeException {

    public UserStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
