package org.athar.ui.trends;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.io.IOException;
import java.util.Set;
import org.athar.analytics.DisclosureProfile;
import org.athar.report.ConsentState;
import org.athar.search.ReportQuery;
import org.athar.search.ReportSearch;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.components.ReportLabels;

/**
 * Reports by consent to share (issue 21): three exact counts for the filters in force. Not a chart dimension, so it
 * never reaches public charts, workbooks or briefings: the card is shown only for the internal profile to a viewer
 * who may see exact counts and search (the counts are those of Search), and hidden otherwise.
 */
class ConsentCard extends Div {

    private final ReportSearch search;
    private final Viewer viewer;
    private final ReportLabels labels;
    private final Div counts = new Div();

    ConsentCard(ReportSearch search, Viewer viewer, ReportLabels labels) {
        this.search = search;
        this.viewer = viewer;
        this.labels = labels;
        setId("trends-consent");
        addClassName("athar-card");
        counts.addClassName("athar-facts");
        Paragraph help = new Paragraph(getTranslation("trends.consent.help"));
        help.addClassName("athar-chart-note");
        add(new H3(getTranslation("trends.card.consent")), counts, help);
        setVisible(false);
    }

    /** Whether {@code viewer} may ever see this card. */
    static boolean allowed(Viewer viewer) {
        return viewer.can(Permission.SEE_EXACT_COUNTS) && viewer.can(Permission.SEARCH);
    }

    /** Shows the counts of {@code query} (its own consent filter replaced by each state) for the internal profile. */
    void show(ReportQuery query, DisclosureProfile profile) throws IOException {
        boolean shown = profile == DisclosureProfile.INTERNAL && allowed(viewer);
        setVisible(shown);
        counts.removeAll();
        if (!shown) {
            return;
        }
        for (ConsentState state : ConsentState.values()) {
            long n = search.count(viewer, query.withConsents(Set.of(state)));
            Span value = new Span(String.format(getLocale(), "%,d", n));
            value.setId("trends-consent-" + state.code());
            Div row = new Div(new Span(labels.vocabulary(state)), value);
            row.addClassName("athar-fact");
            counts.add(row);
        }
    }
}
