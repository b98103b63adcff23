package org.athar.ui.briefing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.athar.briefing.Briefing;
import org.athar.briefing.Briefings;
import org.athar.chart.ChartService;
import org.athar.security.CurrentViewer;
import org.athar.ui.MainLayout;

/** Briefings: every saved briefing pack, newest change first, and a button to start a new one. */
@RolesAllowed("EXPORT_AGGREGATES")
@Menu(title = "nav.briefings", order = 6, icon = "vaadin:file-text-o")
@Route(value = "briefings", layout = MainLayout.class)
public class BriefingsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    public BriefingsView(Briefings briefings, ChartService charts, CurrentViewer viewer) {
        addClassName("athar-view");
        setId("view-briefings");
        Button create = new Button(
                getTranslation("briefings.new"),
                VaadinIcon.PLUS.create(),
                e -> e.getSource()
                        .getUI()
                        .ifPresent(ui -> ui.navigate(BriefingView.class, new RouteParameters("id", BriefingView.NEW))));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("briefings-new");
        List<Briefing> all = briefings.list(viewer.get());
        Grid<Briefing> grid = new Grid<>();
        grid.setId("briefings-grid");
        grid.addColumn(Briefing::title)
                .setHeader(getTranslation("briefings.column.title"))
                .setFlexGrow(3);
        grid.addColumn(Briefing::owner).setHeader(getTranslation("briefings.column.owner"));
        grid.addColumn(b -> WHEN.format(b.updated())).setHeader(getTranslation("briefings.column.updated"));
        grid.addColumn(b -> getTranslation("briefing.language." + b.language()))
                .setHeader(getTranslation("briefings.column.language"));
        grid.addColumn(b -> getTranslation("trends.profile." + b.profile(), charts.k()))
                .setHeader(getTranslation("briefings.column.profile"));
        grid.setItems(all);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                BriefingView.class, new RouteParameters("id", e.getItem().id()))));
        Paragraph empty = new Paragraph(getTranslation("briefings.empty"));
        empty.setId("briefings-empty");
        empty.setVisible(all.isEmpty());
        grid.setVisible(!all.isEmpty());
        add(
                new H2(getTranslation("view.briefings.title")),
                new Paragraph(getTranslation("briefings.intro")),
                create,
                empty,
                grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.briefings.title") + " · " + getTranslation("app.name");
    }
}
