package org.athar.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.athar.report.DatePrecision;
import org.athar.report.Disappearance;
import org.athar.report.District;
import org.athar.report.Gazetteer;
import org.athar.report.Governorate;
import org.athar.report.Place;
import org.athar.report.Vocabulary;
import org.athar.search.Highlights;

/** How report values read on screen in the current language: places by name, codes by label, dates at precision. */
public final class ReportLabels {

    private final Component owner;
    private final Gazetteer gazetteer;

    public ReportLabels(Component owner, Gazetteer gazetteer) {
        this.owner = owner;
        this.gazetteer = gazetteer;
    }

    public String place(String pcode) {
        return Place.UNKNOWN.equals(pcode)
                ? owner.getTranslation("search.unknown")
                : gazetteer.label(
                        pcode,
                        UI.getCurrent() == null
                                ? Locale.ENGLISH
                                : UI.getCurrent().getLocale());
    }

    public String vocabulary(Vocabulary v) {
        return owner.getTranslation(v.messageKey());
    }

    /** "2013", "May 2013", "14 May 2013": never more precise than the source. */
    public String date(Disappearance d) {
        Optional<LocalDate> start = d.date();
        if (start.isEmpty() || d.precision() == DatePrecision.UNKNOWN) {
            return owner.getTranslation("search.date.unknown");
        }
        LocalDate s = start.get();
        String month = owner.getTranslation("month." + s.getMonthValue());
        return switch (d.precision()) {
            case YEAR -> String.valueOf(s.getYear());
            case MONTH -> month + " " + s.getYear();
            default -> s.getDayOfMonth() + " " + month + " " + s.getYear();
        };
    }

    public String date(Optional<LocalDate> day) {
        return day.map(s -> s.getDayOfMonth() + " " + owner.getTranslation("month." + s.getMonthValue()) + " "
                        + s.getYear())
                .orElse("");
    }

    /**
     * The text with the words the query matched wrapped in marks (segments from the search service, which decides
     * what the viewer may see highlighted); built from text nodes, never from HTML.
     */
    public static Span highlighted(List<Highlights.Segment> segments) {
        Span span = new Span();
        span.getElement().setAttribute("dir", "auto");
        for (var segment : segments) {
            if (segment.matched()) {
                Span mark = new Span(segment.text());
                mark.addClassName("athar-mark");
                span.add(mark);
            } else {
                span.add(new Text(segment.text()));
            }
        }
        return span;
    }

    List<String> governorates() {
        return gazetteer.governorates().stream().map(Governorate::pcode).toList();
    }

    List<String> districts(Set<String> ofGovernorates) {
        return gazetteer.districts().stream()
                .filter(d -> ofGovernorates.isEmpty() || ofGovernorates.contains(d.governoratePcode()))
                .map(District::pcode)
                .toList();
    }
}
