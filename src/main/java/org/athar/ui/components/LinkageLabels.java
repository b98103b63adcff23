package org.athar.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athar.linkage.Disagreement;
import org.athar.report.Gazetteer;

/** How linkage values read on screen: feature codes, outcomes, and the values of a person's disagreements. */
public final class LinkageLabels {

    /** The fields a disagreement names whose values are vocabulary codes with labels in the bundles. */
    private static final List<String> VOCABULARY_FIELDS = List.of("gender", "perpetrator", "status");

    // The linker's notes as linkage writes them (AutomaticPairs).
    private static final Pattern REVIEW_NOTE = Pattern.compile("score (\\S+) between (\\S+) and (\\S+)");
    private static final Pattern AUTO_NOTE = Pattern.compile("score (\\S+) at or above (\\S+)");
    private static final String CONFLICT_NOTE = "linking would join two reports a reviewer kept apart; review it";

    private final Component owner;
    private final ReportLabels labels;

    public LinkageLabels(Component owner, Gazetteer gazetteer) {
        this.owner = owner;
        this.labels = new ReportLabels(owner, gazetteer);
    }

    /**
     * The linker's note on a decision in the reader's language. The linker stores its notes in English ("score 14.83
     * between 12.0 and 15.0"); a reviewer's own note is shown as written.
     */
    public String note(String note) {
        Matcher m = REVIEW_NOTE.matcher(note);
        if (m.matches()) {
            return owner.getTranslation("linkage.note.review", m.group(1), m.group(2), m.group(3));
        }
        m = AUTO_NOTE.matcher(note);
        if (m.matches()) {
            return owner.getTranslation("linkage.note.auto", m.group(1), m.group(2));
        }
        return CONFLICT_NOTE.equals(note) ? owner.getTranslation("linkage.note.conflict") : note;
    }

    public ReportLabels reports() {
        return labels;
    }

    /** "Family name" for {@code family_name}. */
    public String feature(String code) {
        return owner.getTranslation("linkage.feature." + code);
    }

    /** "Agree", "Close", "Disagree", "Missing". */
    public String outcome(String outcome) {
        return owner.getTranslation("linkage.outcome." + outcome);
    }

    /** "Governorate" for {@code governorate}: the field a disagreement names. */
    public String field(String field) {
        return owner.getTranslation("linkage.field." + field);
    }

    /** A value as a disagreement gives it (a code, an ISO date, an age), in the words of the screen. */
    public String value(String field, String value) {
        if (value == null || value.isBlank()) {
            return owner.getTranslation("search.unknown");
        }
        if ("governorate".equals(field) || "district".equals(field)) {
            return labels.place(value);
        }
        if (VOCABULARY_FIELDS.contains(field)) {
            return owner.getTranslation("vocab." + field + "." + value);
        }
        if ("date".equals(field)) {
            try {
                return labels.date(Optional.of(LocalDate.parse(value)));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /** The disagreements as a list: field, every value given, and the one counted. */
    public Div disagreements(List<Disagreement> disagreements, String id) {
        Div list = new Div();
        list.setId(id);
        list.addClassName("athar-facts");
        if (disagreements.isEmpty()) {
            list.add(new Span(owner.getTranslation("linkage.disagreements.none")));
            return list;
        }
        for (Disagreement d : disagreements) {
            String values = String.join(
                    " · ", d.values().stream().map(v -> value(d.field(), v)).toList());
            Div row = new Div(
                    new Span(field(d.field())),
                    new Span(owner.getTranslation(
                            "linkage.disagreement.values", values, value(d.field(), d.counted()))));
            row.addClassName("athar-fact");
            row.addClassName("athar-disagreement");
            list.add(row);
        }
        return list;
    }
}
