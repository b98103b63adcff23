package org.athar.ui.briefing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.athar.analytics.DisclosureProfile;
import org.athar.briefing.Briefing;
import org.athar.briefing.BriefingDraft;
import org.athar.briefing.BriefingExports;
import org.athar.briefing.BriefingNotFoundException;
import org.athar.briefing.BriefingRules;
import org.athar.briefing.Briefings;
import org.athar.briefing.ChartItem;
import org.athar.briefing.KeyFigure;
import org.athar.chart.ChartFormat;
import org.athar.chart.ChartService;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.security.AccessDeniedException;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.ProfileSelect;

/**
 * One briefing: title, language, profile, text, key figures (each with its sentence from current data) and charts
 * (each with its preview), Save and Delete, and the downloads, which the API rebuilds from current data.
 * {@code briefings/new} starts an empty one.
 */
@RolesAllowed("EXPORT_AGGREGATES")
@Route(value = "briefings/:id", layout = MainLayout.class)
public class BriefingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NEW = "new";

    private final Briefings briefings;
    private final BriefingExports exports;
    private final ChartService charts;
    private final Gazetteer gazetteer;
    private final Viewer viewer;
    private final TextField title = new TextField();
    private final Select<String> language = new Select<>();
    private final Select<DisclosureProfile> profile = new Select<>();
    private final TextArea text = new TextArea();
    private final FilterForm wide;
    private final VerticalLayout figures = new VerticalLayout();
    private final VerticalLayout chartRows = new VerticalLayout();
    private final Button addFigure;
    private final Button addChart;
    private final Button save;
    private final Button delete;
    private final FlexLayout downloads = new FlexLayout();
    private final Paragraph readOnlyNote = new Paragraph();
    private Optional<Briefing> current = Optional.empty();

    public BriefingView(
            Briefings briefings,
            BriefingExports exports,
            ChartService charts,
            Gazetteer gazetteer,
            CurrentViewer currentViewer) {
        this.briefings = briefings;
        this.exports = exports;
        this.charts = charts;
        this.gazetteer = gazetteer;
        this.viewer = currentViewer.get();
        viewer.require(Permission.EXPORT_AGGREGATES);
        addClassName("athar-view");
        setId("view-briefing");
        title.setLabel(getTranslation("briefing.field.title"));
        title.setId("briefing-title");
        title.setMaxLength(BriefingRules.MAX_TITLE);
        title.setWidthFull();
        language.setLabel(getTranslation("briefing.field.language"));
        language.setId("briefing-language");
        language.setItems("en", "ar");
        language.setItemLabelGenerator(l -> getTranslation("briefing.language." + l));
        language.setValue("ar".equals(getLocale().getLanguage()) ? "ar" : "en");
        ProfileSelect.setUp(profile, "briefing-profile", "briefing.field.profile", viewer, charts.k());
        language.addValueChangeListener(e -> refreshPreviews());
        profile.addValueChangeListener(e -> refreshPreviews());
        wide = new FilterForm(gazetteer, this::refreshPreviews);
        wide.setId("briefing-filters");
        text.setLabel(getTranslation("briefing.field.text"));
        text.setId("briefing-text");
        text.setMaxLength(BriefingRules.MAX_TEXT);
        text.setWidthFull();
        text.setMinHeight("8em");
        figures.setId("briefing-figures");
        figures.setPadding(false);
        chartRows.setId("briefing-charts");
        chartRows.setPadding(false);
        addFigure = new Button(
                getTranslation("briefing.figures.add"), VaadinIcon.PLUS.create(), e -> addFigure(KeyFigure.count("")));
        addFigure.setId("briefing-add-figure");
        addChart = new Button(
                getTranslation("briefing.charts.add"),
                VaadinIcon.PLUS.create(),
                e -> addChart(new ChartItem(
                        "breakdown",
                        "",
                        Optional.of("perpetrator"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
        addChart.setId("briefing-add-chart");
        save = new Button(getTranslation("briefing.save"), VaadinIcon.CHECK.create(), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("briefing-save");
        delete = new Button(getTranslation("briefing.delete"), VaadinIcon.TRASH.create(), e -> delete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setId("briefing-delete");
        downloads.setId("briefing-downloads");
        downloads.addClassName("athar-briefing-downloads");
        readOnlyNote.setId("briefing-read-only");
        readOnlyNote.addClassName("athar-chart-note");
        FlexLayout settings = new FlexLayout(language, profile);
        settings.addClassName("athar-filters");
        FlexLayout actions = new FlexLayout(save, delete);
        actions.addClassName("athar-briefing-actions");
        Paragraph wideHelp = new Paragraph(getTranslation("briefing.filters.help"));
        wideHelp.addClassName("athar-chart-note");
        add(
                new H2(getTranslation("view.briefing.title")),
                readOnlyNote,
                title,
                settings,
                text,
                new H3(getTranslation("briefing.section.filters")),
                wideHelp,
                wide,
                new H3(getTranslation("briefing.section.figures")),
                figures,
                addFigure,
                new H3(getTranslation("briefing.section.charts")),
                chartRows,
                addChart,
                actions,
                downloads);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse(NEW);
        figures.removeAll();
        chartRows.removeAll();
        if (NEW.equals(id)) {
            current = Optional.empty();
            wide.setValue("");
        } else {
            try {
                Briefing b = briefings.get(viewer, id);
                current = Optional.of(b);
                title.setValue(b.title());
                language.setValue(b.language());
                profile.setValue(BriefingRules.profile(b.profile()));
                text.setValue(b.text());
                // Before the rows, so each row is checked against the briefing's filters as it is added.
                wide.setValue(b.filters());
                b.figures().forEach(this::addFigure);
                b.charts().forEach(this::addChart);
            } catch (BriefingNotFoundException e) {
                current = Optional.empty();
                Notification.show(getTranslation("briefing.not-found"));
            }
        }
        boolean editable = current.map(b -> Briefings.mayChange(viewer, b)).orElse(true);
        setEditable(editable);
        readOnlyNote.setText(getTranslation("briefing.read-only"));
        readOnlyNote.setVisible(!editable);
        showDownloads();
    }

    private void setEditable(boolean editable) {
        title.setReadOnly(!editable);
        language.setReadOnly(!editable);
        profile.setReadOnly(!editable || !viewer.can(Permission.SEE_EXACT_COUNTS));
        text.setReadOnly(!editable);
        wide.setReadOnly(!editable);
        addFigure.setVisible(editable);
        addChart.setVisible(editable);
        save.setVisible(editable);
        delete.setVisible(editable && current.isPresent());
        figures.getChildren().forEach(c -> ((FigureRow) c).setReadOnly(!editable));
        chartRows.getChildren().forEach(c -> ((ChartRow) c).setReadOnly(!editable));
    }

    private void addFigure(KeyFigure f) {
        FigureRow row = new FigureRow(gazetteer, wide::query, this::sentence, figures::remove);
        figures.add(row);
        row.setValue(f);
    }

    private void addChart(ChartItem c) {
        ChartRow row = new ChartRow(gazetteer, wide::query, this::svg, chartRows::remove);
        chartRows.add(row);
        row.setValue(c);
    }

    private void refreshPreviews() {
        figures.getChildren().forEach(c -> ((FigureRow) c).refresh());
        chartRows.getChildren().forEach(c -> ((ChartRow) c).refresh());
    }

    private String sentence(KeyFigure f) {
        try {
            return exports.figureSentence(
                    viewer,
                    wide.value(),
                    f,
                    language.getValue(),
                    profile.getValue().parameter());
        } catch (BadParameterException | AccessDeniedException e) {
            return getTranslation("briefing.preview.failed", e.getMessage());
        }
    }

    private String svg(ChartItem c) {
        try {
            ChartService.Spec spec = BriefingRules.spec(
                    c,
                    wide.value(),
                    "chart",
                    gazetteer,
                    BriefingRules.locale(language.getValue()),
                    charts.profileFor(viewer, Optional.of(profile.getValue())));
            return new String(
                    charts.render(viewer, spec, ChartFormat.SVG, ChartService.screenSize(spec.kind())),
                    StandardCharsets.UTF_8);
        } catch (BadParameterException | AccessDeniedException e) {
            return "<p class=\"athar-chart-note\">" + escape(getTranslation("briefing.preview.failed", e.getMessage()))
                    + "</p>";
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    BriefingDraft draft() {
        List<KeyFigure> f =
                figures.getChildren().map(c -> ((FigureRow) c).value()).toList();
        List<ChartItem> c =
                chartRows.getChildren().map(x -> ((ChartRow) x).value()).toList();
        return new BriefingDraft(
                title.getValue(),
                language.getValue(),
                profile.getValue().parameter(),
                wide.value(),
                text.getValue(),
                f,
                c);
    }

    private void save() {
        try {
            Briefing saved = current.isPresent()
                    ? briefings.update(viewer, current.get().id(), draft())
                    : briefings.create(viewer, draft());
            current = Optional.of(saved);
            Notification.show(getTranslation("briefing.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(BriefingView.class, new RouteParameters("id", saved.id())));
        } catch (BadParameterException | AccessDeniedException e) {
            Notification n = Notification.show(getTranslation("briefing.invalid", e.getMessage()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void delete() {
        current.ifPresent(b -> {
            briefings.delete(viewer, b.id());
            Notification.show(getTranslation("briefing.deleted"));
            getUI().ifPresent(ui -> ui.navigate(BriefingsView.class));
        });
    }

    private void showDownloads() {
        downloads.removeAll();
        if (current.isEmpty()) {
            downloads.add(new Paragraph(getTranslation("briefing.download.after-save")));
            return;
        }
        for (BriefingExports.Format f : BriefingExports.Format.values()) {
            Anchor a = new Anchor(
                    "/api/v1/briefings/" + current.get().id() + "." + f.extension(),
                    getTranslation("briefing.download." + f.extension()));
            a.getElement().setAttribute("download", true);
            a.getElement().setAttribute("router-ignore", true);
            a.setId("briefing-download-" + f.extension());
            Div box = new Div(VaadinIcon.DOWNLOAD_ALT.create(), a);
            box.addClassName("athar-briefing-download");
            downloads.add(box);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.briefing.title") + " · " + getTranslation("app.name");
    }
}
