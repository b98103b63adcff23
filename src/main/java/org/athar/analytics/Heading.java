package org.athar.analytics;

/** One value of a dimension: its stable key (p-code, vocabulary code, {@code 2013-Q2}…) and its label in a language. */
public record Heading(String key, String label) {

    /** The key of the bucket of reports whose value is not known (never used on time dimensions). */
    public static final String UNKNOWN = "unknown";
}
