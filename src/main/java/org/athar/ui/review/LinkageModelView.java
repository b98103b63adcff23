package org.athar.ui.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.athar.linkage.LinkageModel;
import org.athar.linkage.ModelEstimator;
import org.athar.linkage.ModelStore;
import org.athar.ui.MainLayout;

/**
 * The record linkage model of this installation, as a reviewer reads it: the prior, and per comparison each level's
 * m, u and weight; how many pairs it was estimated from and when. Levels only: no name ever appears here. Reached
 * from the Review page (no menu entry).
 */
@RolesAllowed("REVIEW_LINKS")
@Route(value = "review/model", layout = MainLayout.class)
public class LinkageModelView extends VerticalLayout implements HasDynamicTitle {

    public LinkageModelView(ModelStore models) {
        addClassName("athar-view");
        setId("view-linkage-model");
        LinkageModel model = models.current();
        RouterLink back = new RouterLink(getTranslation("model.back"), ReviewView.class);
        back.setId("model-back");
        Paragraph intro = new Paragraph(getTranslation("model.intro"));
        intro.addClassName("athar-muted");
        add(back, new H2(getTranslation("model.title")), intro, summary(model));
        for (LinkageModel.ComparisonModel c : model.comparisons()) {
            add(new H3(getTranslation("linkage.feature." + c.code())), levels(c));
        }
    }

    private Paragraph summary(LinkageModel model) {
        String when = model.isDefault()
                ? getTranslation(
                        "model.default."
                                + (List.of("few_pairs", ModelEstimator.IMPLAUSIBLE)
                                                .contains(model.note())
                                        ? model.note()
                                        : "none"),
                        model.blockedPairs())
                : getTranslation(
                        "model.estimated",
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                .withLocale(getLocale())
                                .withZone(ZoneOffset.UTC)
                                .format(model.estimatedAt()),
                        model.iterations(),
                        getTranslation(model.converged() ? "model.converged" : "model.not_converged"));
        Paragraph p = new Paragraph(getTranslation(
                        "model.prior",
                        String.format(getLocale(), "%.3g", model.lambda()),
                        String.format(getLocale(), "%.2f", model.priorWeight()))
                + " "
                + getTranslation("model.pairs", model.blockedPairs(), model.randomPairs(), model.reviewedPairs())
                + " "
                + when);
        p.setId("model-summary");
        return p;
    }

    private Grid<LinkageModel.LevelModel> levels(LinkageModel.ComparisonModel c) {
        Grid<LinkageModel.LevelModel> grid = new Grid<>();
        grid.setId("model-" + c.code());
        grid.addColumn(l -> getTranslation("linkage.outcome." + l.code()))
                .setHeader(getTranslation("model.col.level"))
                .setAutoWidth(true);
        grid.addColumn(l -> String.format(getLocale(), "%.4f", l.m()))
                .setHeader(getTranslation("model.col.m"))
                .setAutoWidth(true);
        grid.addColumn(l -> String.format(getLocale(), "%.4f", l.u()))
                .setHeader(getTranslation("model.col.u"))
                .setAutoWidth(true);
        grid.addColumn(l -> String.format(getLocale(), "%+.2f", l.weight()))
                .setHeader(getTranslation("model.col.weight"))
                .setAutoWidth(true);
        grid.setItems(c.levels());
        grid.setAllRowsVisible(true);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("model.title") + " · " + getTranslation("app.name");
    }
}
