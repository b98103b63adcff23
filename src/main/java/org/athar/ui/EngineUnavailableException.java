package org.athar.ui;

/** Navigation could not show a view because the engine did not answer; the message says what failed. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(String message) {
        super(message);
    }
}
