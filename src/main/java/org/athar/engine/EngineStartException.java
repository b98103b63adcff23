package org.athar.engine;

/** The engine could not be started or reached; the message says what happened, {@link #action()} what to do. */
public class EngineStartException extends RuntimeException {

    private final String action;

    public EngineStartException(String message, String action) {
        super(message);
        this.action = action;
    }

    public EngineStartException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
