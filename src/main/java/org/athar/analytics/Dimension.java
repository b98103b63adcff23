package org.athar.analytics;

import java.util.Arrays;
import java.util.Optional;

/** What a statistic counts by: a report field, or a time granularity of the disappearance date. */
public enum Dimension {
    GOVERNORATE("governorate", false),
    DISTRICT("district", false),
    PERPETRATOR("perpetrator", false),
    STATUS("status", false),
    GENDER("gender", false),
    AGE_GROUP("age_group", false),
    SOURCE("source", false),
    YEAR("year", true),
    QUARTER("quarter", true),
    MONTH("month", true);

    private final String parameter;
    private final boolean time;

    Dimension(String parameter, boolean time) {
        this.parameter = parameter;
        this.time = time;
    }

    /** The name in URLs and JSON, e.g. {@code age_group}. */
    public String parameter() {
        return parameter;
    }

    /** Whether buckets are periods of the disappearance date (in time order, empty periods included). */
    public boolean isTime() {
        return time;
    }

    public static Optional<Dimension> fromParameter(String text) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(text)).findFirst();
    }
}
