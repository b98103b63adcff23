package org.athar.analytics;

import java.util.Arrays;
import java.util.Optional;
import org.athar.search.ReportQuery;

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

    /**
     * The query as figures of this profile are made for it: under {@code public} its dates widened to whole years
     * (public figures cover whole years, docs/disclosure-control.md rule 8), for screens and documents whose date
     * pickers allow any day and which then describe the widened period. The statistics API refuses instead.
     */
    public ReportQuery scope(ReportQuery query) {
        return this == PUBLIC ? PublicFilters.wholeYears(query) : query;
    }

    public static Optional<DisclosureProfile> fromParameter(String text) {
        return Arrays.stream(values()).filter(p -> p.parameter.equals(text)).findFirst();
    }
}
