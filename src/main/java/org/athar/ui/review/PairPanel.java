package org.athar.ui.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.athar.linkage.CandidatePair;
import org.athar.linkage.DecisionEvent;
import org.athar.linkage.Feature;
import org.athar.linkage.PersonCluster;
import org.athar.linkage.Persons;
import org.athar.report.VisibleReport;
import org.athar.search.ReportSearch;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.ui.components.LinkageLabels;
import org.athar.ui.components.RouteLinks;

/**
 * One candidate pair: the two reports side by side (every row whose values differ is marked), the score and the
 * features behind it, the persons the two reports belong to with their disagreements, and the pair's history.
 */
final class PairPanel extends Div {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Persons persons;
    private final ReportSearch search;
    private final CurrentViewer viewer;
    private final LinkageLabels labels;

    PairPanel(Persons persons, ReportSearch search, CurrentViewer viewer, LinkageLabels labels) {
        this.persons = persons;
        this.search = search;
        this.viewer = viewer;
        this.labels = labels;
        setId("review-pair");
        addClassName("athar-review-pair");
    }

    void show(CandidatePair pair) {
        removeAll();
        if (pair == null) {
            return;
        }
        Viewer v = viewer.get();
        Optional<VisibleReport> a;
        Optional<VisibleReport> b;
        try {
            a = search.find(v, pair.reportA());
            b = search.find(v, pair.reportB());
        } catch (IOException | RuntimeException e) {
            add(new Paragraph(getTranslation("search.failed", e.getMessage())));
            return;
        }
        Span score = new Span(getTranslation(
                "review.score",
                String.format(getLocale(), "%.1f", pair.score()),
                getTranslation("linkage.decision." + pair.decision().code())));
        score.setId("review-score");
        score.addClassName("athar-review-score");
        add(score);
        if (a.isEmpty() || b.isEmpty()) {
            add(new Paragraph(getTranslation("review.report.gone")));
        } else {
            add(comparison(a.get(), b.get()));
        }
        add(new H3(getTranslation("review.features")), features(pair.features()));
        add(new H3(getTranslation("review.persons")), persons(v, pair));
        add(new H3(getTranslation("review.history")), history(pair.history()));
    }

    private Div comparison(VisibleReport a, VisibleReport b) {
        Div table = new Div();
        table.setId("review-compare");
        table.addClassName("athar-compare");
        Div head = new Div(
                new Span(),
                link(a, "review-report-a", "review.report.a"),
                link(b, "review-report-b", "review.report.b"));
        head.addClassName("athar-compare-head");
        table.add(head);
        if (!a.identitiesWithheld() && !b.identitiesWithheld()) {
            row(table, "name", "search.col.name", a, b, r -> r.victim().name().orElse(""));
            row(
                    table,
                    "latin",
                    "review.field.latin",
                    a,
                    b,
                    r -> r.victim().nameLatin().orElse(""));
        }
        row(
                table,
                "gender",
                "search.col.gender",
                a,
                b,
                r -> labels.reports().vocabulary(r.victim().gender()));
        row(
                table,
                "age",
                "search.col.age",
                a,
                b,
                r -> r.victim().age().map(String::valueOf).orElse(""));
        row(table, "date", "search.col.date", a, b, r -> labels.reports().date(r.disappearance()));
        row(
                table,
                "governorate",
                "search.col.governorate",
                a,
                b,
                r -> labels.reports().place(r.place().governorate()));
        row(
                table,
                "district",
                "report.district",
                a,
                b,
                r -> labels.reports().place(r.place().district()));
        row(
                table,
                "perpetrator",
                "search.col.perpetrator",
                a,
                b,
                r -> labels.reports().vocabulary(r.perpetrator().category()));
        row(table, "status", "search.col.status", a, b, r -> labels.reports().vocabulary(r.status()));
        row(table, "source", "search.col.source", a, b, VisibleReport::source);
        row(table, "report-id", "review.field.report-id", a, b, VisibleReport::reportId);
        return table;
    }

    private RouterLink link(VisibleReport r, String id, String key) {
        RouterLink link = RouteLinks.to(getTranslation(key, r.reportId()), "report", r.id());
        link.setId(id);
        return link;
    }

    private void row(
            Div table,
            String field,
            String labelKey,
            VisibleReport a,
            VisibleReport b,
            Function<VisibleReport, String> value) {
        String va = value.apply(a);
        String vb = value.apply(b);
        Span left = new Span(va);
        Span right = new Span(vb);
        left.getElement().setAttribute("dir", "auto");
        right.getElement().setAttribute("dir", "auto");
        Div row = new Div(new Span(getTranslation(labelKey)), left, right);
        row.setId("compare-" + field);
        row.addClassName("athar-compare-row");
        if (!va.equals(vb)) {
            row.addClassName("athar-differs");
            row.getElement().setAttribute("title", getTranslation("review.differs"));
        }
        table.add(row);
    }

    private Grid<Feature> features(List<Feature> features) {
        Grid<Feature> grid = new Grid<>();
        grid.setId("review-features");
        grid.addColumn(f -> labels.feature(f.code()))
                .setHeader(getTranslation("review.col.feature"))
                .setAutoWidth(true);
        grid.addColumn(f -> labels.outcome(f.outcome()))
                .setHeader(getTranslation("review.col.outcome"))
                .setAutoWidth(true);
        grid.addColumn(f -> String.format(getLocale(), "%+.1f", f.weight()))
                .setHeader(getTranslation("review.col.weight"))
                .setAutoWidth(true);
        grid.setItems(features);
        grid.setAllRowsVisible(true);
        grid.addClassName("athar-review-features");
        return grid;
    }

    private Div persons(Viewer v, CandidatePair pair) {
        Div box = new Div();
        box.setId("review-persons");
        try {
            PersonCluster a = persons.personOf(v, pair.reportA());
            PersonCluster b = persons.personOf(v, pair.reportB());
            if (a.personId().equals(b.personId())) {
                box.add(person(a, "review.person.same", pair.reportA()));
            } else {
                box.add(person(a, "review.person.a", pair.reportA()), person(b, "review.person.b", pair.reportB()));
            }
        } catch (RuntimeException e) {
            box.add(new Paragraph(getTranslation("linkage.failed", e.getMessage())));
        }
        return box;
    }

    private Div person(PersonCluster p, String key, String reportId) {
        RouterLink link = RouteLinks.to(
                getTranslation(key, p.reportIds().size(), p.sources().size()), "person", reportId);
        return new Div(link, labels.disagreements(p.disagreements(), "review-disagreements-" + reportId));
    }

    private Div history(List<DecisionEvent> history) {
        Div list = new Div();
        list.setId("review-history");
        list.addClassName("athar-review-history");
        for (DecisionEvent e : history) {
            String by = "athar".equals(e.by()) ? getTranslation("review.by.linker") : e.by();
            String line = getTranslation(
                    "review.history.line",
                    WHEN.format(e.at()),
                    by,
                    getTranslation("linkage.decision." + e.decision().code()));
            Div entry = new Div(new Span(line));
            if (e.note() != null && !e.note().isBlank()) {
                Span note = new Span(" — " + labels.note(e.note()));
                note.getElement().setAttribute("dir", "auto");
                entry.add(note);
            }
            list.add(entry);
        }
        return list;
    }
}
