package org.athar.security;

/**
 * The audit log could not record an action, so the action was not carried out (the API answers 503); the message
 * says what was and was not done and what to check.
 */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
