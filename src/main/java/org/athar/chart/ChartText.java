package org.athar.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The words around a chart, already in the reader's language: a title, a subtitle (the filters in words), notes
 * (such as how many reports are too imprecise to show), the fixed caveat and a footer (source and date).
 * {@link ChartTexts} writes the standard ones.
 */
public record ChartText(String title, Optional<String> subtitle, List<String> notes, String caveat, String footer) {

    public ChartText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(caveat, "caveat");
        Objects.requireNonNull(footer, "footer");
        notes = List.copyOf(notes);
        if (title.isBlank()) {
            throw new IllegalArgumentException("a chart needs a title; ChartTexts.title(...) gives a standard one");
        }
    }

    /** The same texts with notes added after the existing ones. */
    public ChartText withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new ChartText(title, subtitle, all, caveat, footer);
    }
}
