package org.athar.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of reading a date cell: the date, or why it was rejected (for the import's error report). */
public sealed interface DateParseResult {

    /** The date read, when the text was accepted. */
    default Optional<ReportDate> date() {
        return this instanceof Parsed parsed ? Optional.of(parsed.value()) : Optional.empty();
    }

    /** Why the text was rejected, in English, naming the value and the accepted forms. */
    default Optional<String> error() {
        return this instanceof Rejected rejected ? Optional.of(rejected.message()) : Optional.empty();
    }

    /** The text was a date in an accepted form, or an unknown marker. */
    record Parsed(ReportDate value) implements DateParseResult {
        public Parsed {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The text was not a possible date: the English sentence, and why as a short code ({@code form}, {@code before},
     * {@code day-without-month}, {@code no-month}, {@code no-day}, {@code future}) with its values, for the reader's
     * language.
     */
    record Rejected(String message, String code, List<Object> args) implements DateParseResult {
        public Rejected {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(code, "code");
            args = List.copyOf(args);
        }

        public Rejected(String message) {
            this(message, "form", List.of());
        }
    }
}
