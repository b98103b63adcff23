package org.athar.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One line of the audit log: when, who, from which address, what, how it ended, and a few short details (never a
 * result row, a victim's name from a report or a narrative). Over-long texts are cut so an entry stays small.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntry(
        Instant time,
        String username,
        String clientAddress,
        AuditAction action,
        Outcome outcome,
        Map<String, String> details) {

    /** At most this many details are kept (ordered by key); more means a caller is logging what it should not. */
    public static final int MAX_DETAILS = 24;
    /** Longer detail values, user names and addresses are cut to this many characters, ending in "…". */
    public static final int MAX_TEXT = 500;

    /** How the recorded action ended. */
    public enum Outcome {
        SUCCESS,
        /** The action was tried and did not work: a wrong password, an unreadable file. */
        FAILURE,
        /** The viewer lacked the permission; nothing was shown or changed. */
        DENIED;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code audit.outcome.<code>}: the label's key in the message bundles. */
        public String messageKey() {
            return "audit.outcome." + code();
        }

        public static Optional<Outcome> fromCode(String code) {
            return Arrays.stream(values())
                    .filter(o -> o.code().equalsIgnoreCase(code.strip()))
                    .findFirst();
        }

        @JsonCreator
        static Outcome ofCode(String code) {
            return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown audit outcome " + code));
        }
    }

    public AuditEntry {
        username = cut(username == null || username.isBlank() ? "unknown" : username.strip());
        clientAddress = cut(clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip());
        TreeMap<String, String> kept = new TreeMap<>();
        if (details != null) {
            new TreeMap<>(details).forEach((key, value) -> {
                if (kept.size() < MAX_DETAILS && key != null && value != null) {
                    kept.put(cut(key), cut(value));
                }
            });
        }
        details = Collections.unmodifiableMap(kept);
    }

    static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
