package org.athar.ui.search;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.linkage.Persons;
import org.athar.report.Consent;
import org.athar.report.Gazetteer;
import org.athar.report.VisibleReport;
import org.athar.search.QueryText;
import org.athar.search.ReportSearch;
import org.athar.security.AccessDeniedException;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.sharing.Sharing;
import org.athar.ui.MainLayout;
import org.athar.ui.components.ReportLabels;
import org.athar.ui.components.SharedWithSection;

/**
 * One report with every field and where it came from (source, file, row, import, content hash). For a role that does
 * not see identities the service sends the report without them, and the page says they are withheld.
 */
@RolesAllowed("SEARCH")
@Route(value = "report", layout = MainLayout.class)
public class ReportView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ReportSearch search;
    private final Persons persons;
    private final CurrentViewer viewer;
    private final ReportLabels labels;
    private final Sharing sharing;
    private String title = "";

    public ReportView(
            ReportSearch search, Persons persons, CurrentViewer viewer, Gazetteer gazetteer, Sharing sharing) {
        this.search = search;
        this.sharing = sharing;
        this.persons = persons;
        this.viewer = viewer;
        this.labels = new ReportLabels(this, gazetteer);
        addClassName("athar-view");
        setId("view-report");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        Viewer v = viewer.get();
        Optional<VisibleReport> found;
        try {
            found = search.find(v, id);
        } catch (AccessDeniedException e) {
            add(new Paragraph(getTranslation("search.denied")));
            return;
        } catch (IOException | RuntimeException e) {
            add(new Paragraph(getTranslation("search.failed", e.getMessage())));
            return;
        }
        if (found.isEmpty()) {
            add(new H2(getTranslation("report.not-found")), back());
            return;
        }
        VisibleReport r = found.get();
        QueryText query = QueryText.parse(String.join(
                " ", event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of())));
        add(back());
        if (r.identitiesWithheld()) {
            title = getTranslation("report.title.withheld", r.reportId());
            H2 heading = new H2(title);
            heading.setId("report-name");
            Paragraph note = new Paragraph(getTranslation("search.identities.withheld"));
            note.setId("report-withheld");
            note.addClassName("athar-withheld");
            add(heading, note);
        } else {
            String name = r.victim().name().orElse("");
            title = name;
            H2 heading = new H2(ReportLabels.highlighted(search.highlights(v, name, query, true)));
            heading.setId("report-name");
            add(heading);
            r.victim().nameLatin().ifPresent(n -> add(new Paragraph(n)));
        }
        Div facts = new Div();
        if (r.identitiesWithheld()) {
            fact(facts, "search.col.name", getTranslation("report.withheld"));
        }
        facts.addClassName("athar-facts");
        fact(facts, "search.col.gender", labels.vocabulary(r.victim().gender()));
        fact(
                facts,
                "search.col.age",
                r.victim().age().map(String::valueOf).orElse("") + " ("
                        + labels.vocabulary(r.victim().ageGroup()) + ")");
        r.victim().occupation().ifPresent(o -> fact(facts, "report.occupation", o));
        fact(facts, "search.col.date", labels.date(r.disappearance()));
        fact(facts, "search.col.governorate", labels.place(r.place().governorate()));
        fact(facts, "report.district", labels.place(r.place().district()));
        if (r.identitiesWithheld()) {
            fact(facts, "report.locality", getTranslation("report.withheld"));
        }
        r.place().locality().ifPresent(l -> fact(facts, "report.locality", l));
        r.place().location().ifPresent(p -> fact(facts, "report.location", p.lat() + ", " + p.lon()));
        fact(
                facts,
                "search.col.perpetrator",
                labels.vocabulary(r.perpetrator().category())
                        + r.perpetrator().detail().map(d -> " — " + d).orElse(""));
        fact(
                facts,
                "search.col.status",
                labels.vocabulary(r.status())
                        + r.statusDate()
                                .map(d -> " (" + labels.date(Optional.of(d)) + ")")
                                .orElse(""));
        fact(facts, "search.col.source", r.source() + " · " + r.reportId());
        add(facts);
        person(v, r.id());
        r.narrative().ifPresent(n -> {
            add(new H3(getTranslation("report.narrative")));
            Paragraph p = new Paragraph(ReportLabels.highlighted(search.highlights(v, n, query, false)));
            p.addClassName("athar-narrative");
            add(p);
        });
        consent(r.consent());
        add(new H3(getTranslation("report.provenance")));
        Div provenance = new Div();
        provenance.addClassName("athar-facts");
        fact(provenance, "report.batch", r.provenance().batchId());
        fact(
                provenance,
                "report.file",
                r.provenance().fileName() + " · "
                        + getTranslation("report.row", r.provenance().rowNumber()));
        fact(
                provenance,
                "report.imported",
                WHEN.format(r.provenance().importedAt()) + " · "
                        + r.provenance().importedBy());
        // Only a reader who sees the name gets the row's digest (VisibleReport leaves it out for the others).
        r.provenance().contentHash().ifPresent(hash -> fact(provenance, "report.hash", hash));
        add(provenance);
        add(new SharedWithSection(sharing, v, r.id()));
        if (r.synthetic()) {
            add(new Paragraph(getTranslation("data.synthetic.explained")));
        }
    }

    /** The family's consent; the note only reaches here for a reader who sees identities (VisibleReport). */
    private void consent(VisibleReport.Agreement c) {
        add(new H3(getTranslation("report.consent")));
        Div block = new Div();
        block.setId("report-consent");
        block.addClassName("athar-facts");
        fact(block, "report.consent.state", labels.vocabulary(c.state()));
        List<String> named = c.shareWith().stream()
                .map(n -> Consent.ANY.equals(n) ? getTranslation("report.consent.share_with.any") : n)
                .toList();
        fact(
                block,
                "report.consent.share_with",
                named.isEmpty()
                        ? getTranslation("report.consent.share_with.none")
                        : String.join(getTranslation("chart.separator.list"), named));
        c.date().ifPresent(d -> fact(block, "report.consent.date", labels.date(Optional.of(d))));
        c.note().ifPresent(n -> fact(block, "report.consent.note", n));
        add(block);
    }

    /** "All reports of this person (N)" when other reports are linked to this one. */
    private void person(Viewer v, String id) {
        try {
            int reports = persons.personOf(v, id).reportIds().size();
            if (reports > 1) {
                RouterLink link = new RouterLink(getTranslation("report.person", reports), PersonView.class, id);
                link.setId("report-person");
                add(link);
            } else {
                Paragraph alone = new Paragraph(getTranslation("report.person.alone"));
                alone.setId("report-person-alone");
                alone.addClassName("athar-muted");
                add(alone);
            }
        } catch (RuntimeException e) {
            // The report itself is shown whatever linkage says; the person link is left out.
            Paragraph failed = new Paragraph(getTranslation("linkage.failed", e.getMessage()));
            failed.addClassName("athar-muted");
            add(failed);
        }
    }

    private Anchor back() {
        Anchor a = new Anchor("javascript:history.back()", getTranslation("report.back"));
        a.setId("report-back");
        return a;
    }

    private void fact(Div list, String key, String value) {
        Div row = new Div(new Span(getTranslation(key)), new Span(value));
        row.addClassName("athar-fact");
        list.add(row);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
