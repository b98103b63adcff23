package org.athar.ui.overlap;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.athar.analytics.Disclosure;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Figures;
import org.athar.analytics.SourceOverlap;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;

/**
 * How the sources overlap, in persons (linked reports), not reports: shared persons for each pair of sources,
 * persons documented by each and only by each, the capture patterns, a bar per source and the workbook.
 */
@RolesAllowed("VIEW_TRENDS")
@Menu(title = "nav.overlap", order = 3, icon = "vaadin:cluster")
@Route(value = "overlap", layout = MainLayout.class)
public class OverlapView extends VerticalLayout implements HasDynamicTitle {

    public OverlapView(Figures figures, CurrentViewer viewer) {
        addClassName("athar-view");
        setId("view-overlap");
        add(new H2(getTranslation("view.overlap.title")));
        Viewer v = viewer.get();
        SourceOverlap o;
        try {
            o = figures.overlap(v, figures.profileFor(v, Optional.empty()));
        } catch (RuntimeException e) {
            add(new Paragraph(getTranslation("linkage.failed", e.getMessage())));
            return;
        }
        Paragraph persons = new Paragraph(getTranslation(
                "overlap.persons", number(o.persons()), o.sources().size()));
        persons.setId("overlap-persons");
        persons.addClassName("athar-caveat-inline");
        add(persons);
        if (v.can(Permission.EXPORT_AGGREGATES)) {
            Anchor download = new Anchor(
                    "api/v1/linkage/overlap.xlsx?lang=" + getLocale().getLanguage(),
                    getTranslation("overlap.download"));
            download.setId("overlap-download");
            download.getElement().setAttribute("download", true);
            download.setRouterIgnore(true);
            add(download);
        }
        if (o.sources().isEmpty()) {
            add(new Paragraph(getTranslation("overlap.empty")));
            return;
        }
        add(
                new H3(getTranslation("overlap.table")),
                table(o),
                bars(o),
                new H3(getTranslation("overlap.patterns")),
                new Paragraph(getTranslation("overlap.patterns.explain")),
                patterns(o));
        if (o.profile() == DisclosureProfile.PUBLIC) {
            Paragraph note = new Paragraph(figures.withheldNote(getLocale()));
            note.setId("overlap-withheld-note");
            add(note);
        }
    }

    private static SourceOverlap.Row row(SourceOverlap o, String source) {
        return o.rows().stream()
                .filter(r -> r.source().equals(source))
                .findFirst()
                .orElseThrow();
    }

    private Grid<String> table(SourceOverlap o) {
        Grid<String> grid = new Grid<>();
        grid.setId("overlap-table");
        grid.addColumn(s -> s)
                .setHeader(getTranslation("overlap.col.source"))
                .setAutoWidth(true)
                .setKey("source");
        grid.addColumn(s -> number(row(o, s).documentedBy()))
                .setHeader(getTranslation("overlap.col.documented"))
                .setAutoWidth(true)
                .setKey("documented");
        grid.addColumn(s -> number(row(o, s).onlyBy()))
                .setHeader(getTranslation("overlap.col.only"))
                .setAutoWidth(true)
                .setKey("only");
        for (String b : o.sources()) {
            grid.addColumn(a -> a.equals(b) ? "—" : number(o.shared(a, b)))
                    .setHeader(getTranslation("overlap.col.shared-with", b))
                    .setAutoWidth(true);
        }
        grid.setItems(o.sources());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /**
     * A bar per source: persons only it documents, and those it shares with others, on one scale made from published
     * figures only; a withheld figure has no bar (its length would state it).
     */
    private Div bars(SourceOverlap o) {
        long most = o.rows().stream()
                .map(SourceOverlap.Row::documentedBy)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .max()
                .orElse(1);
        Div chart = new Div();
        chart.setId("overlap-bars");
        chart.addClassName("athar-bars");
        for (String s : o.sources()) {
            OptionalLong only = row(o, s).onlyBy();
            OptionalLong documented = row(o, s).documentedBy();
            OptionalLong shared = only.isPresent() && documented.isPresent()
                    ? OptionalLong.of(documented.getAsLong() - only.getAsLong())
                    : OptionalLong.empty();
            Span onlyBar = bar("athar-bar-only", only.orElse(0), most);
            Span sharedBar = bar("athar-bar-shared", shared.orElse(0), most);
            Div track = new Div(onlyBar, sharedBar);
            track.addClassName("athar-bar-track");
            Div row = new Div(
                    new Span(s), track, new Span(getTranslation("overlap.bar.label", number(only), number(shared))));
            row.addClassName("athar-bar-row");
            chart.add(row);
        }
        Div legend = new Div(
                legend("athar-bar-only", "overlap.legend.only"), legend("athar-bar-shared", "overlap.legend.shared"));
        legend.addClassName("athar-bar-legend");
        chart.add(legend);
        return chart;
    }

    private static Span bar(String kind, long value, long most) {
        Span bar = new Span();
        bar.addClassNames("athar-bar", kind);
        bar.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", most == 0 ? 0 : 100.0 * value / most));
        return bar;
    }

    private Span legend(String kind, String key) {
        Span swatch = new Span();
        swatch.addClassNames("athar-bar", kind, "athar-bar-swatch");
        Span entry = new Span(swatch, new Span(getTranslation(key)));
        entry.addClassName("athar-bar-legend-entry");
        return entry;
    }

    private Grid<SourceOverlap.Pattern> patterns(SourceOverlap o) {
        Grid<SourceOverlap.Pattern> grid = new Grid<>();
        grid.setId("overlap-patterns");
        for (String s : o.sources()) {
            grid.addColumn(p -> p.sources().contains(s) ? "1" : "0")
                    .setHeader(s)
                    .setAutoWidth(true);
        }
        grid.addColumn(p -> number(p.persons()))
                .setHeader(getTranslation("overlap.col.persons"))
                .setAutoWidth(true)
                .setKey("persons");
        grid.setItems(o.patterns());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String number(OptionalLong n) {
        return Disclosure.shown(n, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.overlap.title") + " · " + getTranslation("app.name");
    }
}
