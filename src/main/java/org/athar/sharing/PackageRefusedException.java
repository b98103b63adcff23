package org.athar.sharing;

import java.util.Locale;

/** A package this installation will not accept: why it was refused is in {@link #reason()}. Nothing is stored. */
public class PackageRefusedException extends RuntimeException {

    /** Why a package was refused; {@link #code()} is the kebab-case name the API answers. */
    public enum Reason {
        NOT_A_PACKAGE,
        NOT_FOR_THIS_INSTALLATION,
        UNSIGNED,
        UNKNOWN_SENDER,
        BAD_SIGNATURE,
        TAMPERED,
        CHECKSUM_MISMATCH,
        UNSUPPORTED_VERSION,
        PSEUDONYMISED;

        /** The reason as the API names it, e.g. {@code not-for-this-installation}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public PackageRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PackageRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
