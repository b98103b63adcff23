package org.athar.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.athar.search.BadParameterException;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry;
import org.athar.security.AuditFilter;

/**
 * Reads an {@link AuditFilter} and a window from the audit endpoints' parameters; anything unknown or malformed is a
 * 400 naming the parameter. {@code from}/{@code to} take a date (UTC; {@code to} includes that whole day) or an
 * instant such as {@code 2026-11-29T10:00:00Z} ({@code to} excludes it).
 */
final class AuditParameters {

    static final List<String> FILTERS = List.of("user", "action", "outcome", "from", "to", "client_address");
    static final List<String> WINDOW = List.of("offset", "limit");
    static final int MAX_LIMIT = 1000;
    /**
     * The instants a filter may name: the engine keeps audit times in nanoseconds, which start in 1970; a date
     * outside would reach it as a range it cannot take.
     */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("2101-01-01T00:00:00Z");
    /** The engine's default max_result_window: offset paging reaches this deep; the CSV reaches every entry. */
    static final int MAX_WINDOW = 10_000;

    private AuditParameters() {}

    static AuditFilter filter(Map<String, List<String>> params, List<String> accepted) {
        for (String name : params.keySet()) {
            if (!accepted.contains(name)) {
                throw new BadParameterException(
                        name, "unknown parameter '" + name + "'; accepted: " + String.join(", ", accepted));
            }
        }
        Optional<Instant> from = one(params, "from").map(v -> instant("from", v, false));
        Optional<Instant> to = one(params, "to").map(v -> instant("to", v, true));
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadParameterException("from", "from (" + from.get() + ") is after to (" + to.get() + ")");
        }
        return new AuditFilter(
                one(params, "user"),
                one(params, "action")
                        .map(a -> AuditAction.fromCode(a)
                                .orElseThrow(() -> new BadParameterException(
                                        "action", "action '" + a + "' is not one of " + codes(AuditAction.values())))),
                one(params, "outcome")
                        .map(o -> AuditEntry.Outcome.fromCode(o)
                                .orElseThrow(() -> new BadParameterException(
                                        "outcome",
                                        "outcome '" + o + "' is not one of " + codes(AuditEntry.Outcome.values())))),
                from,
                to,
                one(params, "client_address"));
    }

    static int offset(Map<String, List<String>> params) {
        return number(params, "offset", 0, 0, MAX_WINDOW - 1);
    }

    static int limit(Map<String, List<String>> params, int offset) {
        int limit = number(params, "limit", 50, 1, MAX_LIMIT);
        if (offset + limit > MAX_WINDOW) {
            throw new BadParameterException(
                    "offset",
                    "offset + limit may reach " + MAX_WINDOW + " entries at most; "
                            + "narrow the filter or download every entry from /api/v1/admin/audit.csv");
        }
        return limit;
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
        Optional<String> value = one(params, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new BadParameterException(
                name, name + " '" + value.get() + "' is not a whole number from " + min + " to " + max);
    }

    private static Optional<String> one(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
        if (values.size() > 1) {
            throw new BadParameterException(name, "give " + name + " once");
        }
        return values.stream().findFirst();
    }

    private static Instant instant(String name, String value, boolean end) {
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            instant = null;
        }
        // One fixed sentence, without the value: it may hold anything, and the caller has it.
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadParameterException(
                    name,
                    name + " must be a date (2026-11-29) or an instant "
                            + "(2026-11-29T10:00:00Z) from 1970-01-01 to 2100-12-31");
        }
        return instant;
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
