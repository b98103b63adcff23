package org.athar.search;

import java.util.Arrays;
import java.util.Optional;

/** How results are ordered; the code is what the API and the URL carry. */
public enum ReportSort {
    RELEVANCE("relevance"),
    DATE_ASC("date"),
    DATE_DESC("-date"),
    NAME_ASC("name"),
    NAME_DESC("-name");

    private final String code;

    ReportSort(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ReportSort> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
