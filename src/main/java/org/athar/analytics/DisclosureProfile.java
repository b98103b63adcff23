package org.athar.analytics;

import java.util.Arrays;
import java.util.Optional;

/** Who a figure is for: {@code internal} shows exact counts; {@code public} suppresses small counts. */
public enum DisclosureProfile {
    INTERNAL("internal"),
    PUBLIC("public");

    private final String parameter;

    DisclosureProfile(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<DisclosureProfile> fromParameter(String text) {
        return Arrays.stream(values()).filter(p -> p.parameter.equals(text)).findFirst();
    }
}
