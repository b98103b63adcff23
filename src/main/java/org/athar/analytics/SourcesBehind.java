package org.athar.analytics;

import java.util.List;
import java.util.TreeSet;

/**
 * The sources whose reports are behind some figures, from their reports by source under the figures' filters and
 * profile ({@link Figures#sourcesBehind}): {@code named}, those whose count is a published figure above zero;
 * {@code withheld}, those whose count the {@code public} profile withholds (they contributed, but naming them would say
 * so). Both sorted, the unknown source left out.
 */
public record SourcesBehind(List<String> named, List<String> withheld) {

    public SourcesBehind {
        named = List.copyOf(named);
        withheld = List.copyOf(withheld);
    }

    /** Every source with a report in scope, whether its count is published or withheld, sorted. */
    public List<String> all() {
        TreeSet<String> out = new TreeSet<>(named);
        out.addAll(withheld);
        return List.copyOf(out);
    }
}
