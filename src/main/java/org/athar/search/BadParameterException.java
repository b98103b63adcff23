package org.athar.search;

/** A search parameter that cannot be understood; the message lists what is accepted. */
public class BadParameterException extends IllegalArgumentException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
