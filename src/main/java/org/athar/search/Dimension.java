package org.athar.search;

import java.util.Arrays;
import java.util.Optional;

/** What a statistic counts by: a report field, or a time granularity of the disappearance date. */
public enum Dimension {
    GOVERNORATE(Facet.GOVERNORATE),
    DISTRICT(Facet.DISTRICT),
    PERPETRATOR(Facet.PERPETRATOR),
    STATUS(Facet.STATUS),
    GENDER(Facet.GENDER),
    AGE_GROUP(Facet.AGE_GROUP),
    SOURCE(Facet.SOURCE),
    YEAR("year"),
    QUARTER("quarter"),
    MONTH("month");

    private final String parameter;
    private final Optional<Facet> facet;

    /** A report field: the same parameter and indexed field as the Search filter. */
    Dimension(Facet facet) {
        this.parameter = facet.parameter();
        this.facet = Optional.of(facet);
    }

    /** A period of the disappearance date. */
    Dimension(String parameter) {
        this.parameter = parameter;
        this.facet = Optional.empty();
    }

    /** The name in URLs and JSON, e.g. {@code age_group}. */
    public String parameter() {
        return parameter;
    }

    /** Whether buckets are periods of the disappearance date (in time order, empty periods included). */
    public boolean isTime() {
        return facet.isEmpty();
    }

    /** The Search filter on the same field; empty for time dimensions. */
    public Optional<Facet> facet() {
        return facet;
    }

    public static Optional<Dimension> fromParameter(String text) {
        return Arrays.stream(values()).filter(d -> d.parameter.equals(text)).findFirst();
    }
}
