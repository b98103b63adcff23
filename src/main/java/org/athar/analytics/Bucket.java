package org.athar.analytics;

import java.util.OptionalLong;

/**
 * One bar of a breakdown or one period of a time series. {@code count} is empty when the count is suppressed
 * under the {@code public} profile: a suppressed figure is never carried, so it cannot leak by accident.
 */
public record Bucket(String key, String label, OptionalLong count) {

    public boolean suppressed() {
        return count.isEmpty();
    }

    public Heading heading() {
        return new Heading(key, label);
    }
}
