package org.athar.linkage;

import java.util.List;

/**
 * What the linkage model compares of two reports, each with its levels (the codes a reviewer and the model page
 * show). A missing value has no level (-1): it weighs nothing and is left out of the estimation.
 */
enum Comparison {
    FIRST_NAME("first_name", "agree", "close", "disagree"),
    FATHER_NAME("father_name", "agree", "close", "disagree"),
    FAMILY_NAME("family_name", "agree", "close", "disagree"),
    NAME_ORDER("name_order", "straight", "transposed"),
    GENDER("gender", "agree", "disagree"),
    AGE("age", "age_1", "age_3", "age_6", "age_far"),
    DATE("date", "same_day", "within", "days_7", "days_31", "days_366", "date_far"),
    GOVERNORATE("governorate", "agree", "disagree"),
    DISTRICT("district", "agree", "disagree"),
    PERPETRATOR("perpetrator", "agree", "disagree"),
    STATUS("status", "agree", "disagree"),
    /** Whether one source documented both reports: estimated like the rest (how often a source repeats itself). */
    SOURCE("source", "same", "different");

    static final int AGREE = 0;
    static final int CLOSE = 1;
    static final int DISAGREE = 2;
    static final int MISSING = -1;
    static final Comparison[] ALL = values();
    static final int COUNT = ALL.length;

    final String code;
    final List<String> levels;

    Comparison(String code, String... levels) {
        this.code = code;
        this.levels = List.of(levels);
    }

    int size() {
        return levels.size();
    }

    /**
     * A comparison vector (levels, -1 when missing) packed into one int, mixed radix with {@code level + 1} per
     * comparison: the key of a comparison pattern.
     */
    static int pack(int[] levels) {
        int code = 0;
        for (int k = COUNT - 1; k >= 0; k--) {
            code = code * (ALL[k].size() + 1) + levels[k] + 1;
        }
        return code;
    }

    static void unpack(int code, int[] out) {
        for (int k = 0; k < COUNT; k++) {
            int radix = ALL[k].size() + 1;
            out[k] = code % radix - 1;
            code /= radix;
        }
    }
}
