package org.athar.linkage;

import java.util.List;

/**
 * A field on which the reports of one person say different things ({@code field}: governorate, district, date,
 * gender, age, perpetrator, status), every value given (codes, ISO dates), and the value used for counting.
 */
public record Disagreement(String field, List<String> values, String counted) {

    public Disagreement {
        values = List.copyOf(values);
    }
}
