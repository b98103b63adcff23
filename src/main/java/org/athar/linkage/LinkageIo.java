package org.athar.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns the engine's {@link IOException} into the one message linkage's callers see. */
final class LinkageIo {

    private LinkageIo() {}

    /** A call to the engine. */
    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }

    @FunctionalInterface
    interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw unanswered(e);
        }
    }

    static UncheckedIOException unanswered(IOException e) {
        return new UncheckedIOException(
                "Elasticsearch did not answer a linkage request (" + e.getMessage()
                        + "); check that the engine is up (GET /actuator/health) and try again",
                e);
    }
}
