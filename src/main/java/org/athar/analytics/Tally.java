package org.athar.analytics;

import java.util.List;
import java.util.Map;

/**
 * What the engine counted: every report in scope ({@code total}) and, for each combination of dimension keys (one
 * key per dimension, in order), how many reports it holds. Reports a time dimension cannot place are in no
 * combination; combinations with no report are absent.
 */
record Tally(long total, Map<List<String>, Long> counts) {

    Tally {
        counts = Map.copyOf(counts);
    }
}
