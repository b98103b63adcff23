package org.athar.sharing;

/** A partner's public key that Athar cannot use; the message says what is wrong and what to send instead. */
public class InvalidPartnerKeyException extends IllegalArgumentException {

    public InvalidPartnerKeyException(String message) {
        super(message);
    }

    public InvalidPartnerKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
