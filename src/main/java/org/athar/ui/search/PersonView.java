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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.athar.linkage.PairNotFoundException;
import org.athar.linkage.PersonCluster;
import org.athar.linkage.Persons;
import org.athar.report.Gazetteer;
import org.athar.report.VisibleReport;
import org.athar.search.ReportSearch;
import org.athar.security.AccessDeniedException;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.LinkageLabels;

/**
 * All reports of one person (the reports linked to the one in the address), grouped by source, each a link to its
 * report page, and the fields on which they disagree. Names follow the viewer's identity rules: the reports come
 * from {@link ReportSearch#find}, which redacts.
 */
@RolesAllowed("SEARCH")
@Route(value = "person", layout = MainLayout.class)
public class PersonView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Persons persons;
    private final ReportSearch search;
    private final CurrentViewer viewer;
    private final LinkageLabels labels;

    public PersonView(Persons persons, ReportSearch search, CurrentViewer viewer, Gazetteer gazetteer) {
        this.persons = persons;
        this.search = search;
        this.viewer = viewer;
        this.labels = new LinkageLabels(this, gazetteer);
        addClassName("athar-view");
        setId("view-person");
    }

    @Override
    public void setParameter(BeforeEvent event, String reportId) {
        removeAll();
        add(back());
        Viewer v = viewer.get();
        PersonCluster person;
        try {
            person = persons.personOf(v, reportId);
        } catch (PairNotFoundException e) {
            add(new H2(getTranslation("report.not-found")));
            return;
        } catch (AccessDeniedException e) {
            add(new Paragraph(getTranslation("search.denied")));
            return;
        } catch (RuntimeException e) {
            add(new Paragraph(getTranslation("linkage.failed", e.getMessage())));
            return;
        }
        Map<String, List<VisibleReport>> bySource = new TreeMap<>();
        try {
            for (String id : person.reportIds()) {
                Optional<VisibleReport> r = search.find(v, id);
                r.ifPresent(found -> bySource.computeIfAbsent(found.source(), s -> new ArrayList<>())
                        .add(found));
            }
        } catch (IOException | RuntimeException e) {
            add(new Paragraph(getTranslation("search.failed", e.getMessage())));
            return;
        }
        H2 heading = new H2(getTranslation("person.title", person.reportIds().size(), bySource.size()));
        heading.setId("person-title");
        Paragraph explain = new Paragraph(getTranslation("person.explain"));
        explain.addClassName("athar-muted");
        add(heading, explain);
        for (Map.Entry<String, List<VisibleReport>> source : bySource.entrySet()) {
            H3 title = new H3(getTranslation(
                    "person.source", source.getKey(), source.getValue().size()));
            title.addClassName("athar-person-source");
            Div list = new Div();
            list.addClassName("athar-person-reports");
            for (VisibleReport r : source.getValue()) {
                list.add(reportLine(r, r.id().equals(person.representative())));
            }
            add(title, list);
        }
        add(
                new H3(getTranslation("linkage.disagreements")),
                labels.disagreements(person.disagreements(), "person-disagreements"));
    }

    private Div reportLine(VisibleReport r, boolean counted) {
        String name = r.identitiesWithheld()
                ? getTranslation("report.title.withheld", r.reportId())
                : r.victim().name().orElse(r.reportId());
        RouterLink link = new RouterLink(name, ReportView.class, r.id());
        link.setId("person-report-" + r.id());
        link.getElement().setAttribute("dir", "auto");
        Span facts = new Span(" · " + labels.reports().date(r.disappearance()) + " · "
                + labels.reports().place(r.place().governorate()) + " · " + r.reportId());
        Div line = new Div(link, facts);
        line.addClassName("athar-person-report");
        if (counted) {
            Span mark = new Span(getTranslation("person.counted"));
            mark.addClassName("athar-badge");
            line.add(mark);
        }
        return line;
    }

    private Anchor back() {
        Anchor a = new Anchor("javascript:history.back()", getTranslation("person.back"));
        a.setId("person-back");
        return a;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.person.title") + " · " + getTranslation("app.name");
    }
}
