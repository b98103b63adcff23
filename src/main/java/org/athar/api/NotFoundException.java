package org.athar.api;

/** Nothing has the id a path named; {@link ApiErrors} answers 404 naming the path parameter. */
final class NotFoundException extends RuntimeException {

    private final String parameter;

    NotFoundException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
