package org.athar.ui.briefing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.athar.briefing.BriefingRules;
import org.athar.briefing.ChartItem;
import org.athar.chart.ChartService;
import org.athar.report.Gazetteer;
import org.athar.search.Dimension;
import org.athar.search.ReportQuery;

/**
 * One chart in the editor: kind, dimensions, filters and caption, and a preview that is the server's own drawing
 * (the same as on Trends and in the files).
 */
class ChartRow extends Div {

    private static final List<Dimension> TIME = List.of(Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH);

    private final Select<ChartService.Kind> kind = new Select<>();
    private final Select<Dimension> by = new Select<>();
    private final Select<Dimension> rows = new Select<>();
    private final Select<Dimension> columns = new Select<>();
    private final TextField caption = new TextField();
    private final FilterForm filters;
    private final Div preview = new Div();
    private final Button remove;
    private final Function<ChartItem, String> draw;
    private final Supplier<ReportQuery> briefingFilters;
    private boolean loading;

    ChartRow(
            Gazetteer gazetteer,
            Supplier<ReportQuery> briefingFilters,
            Function<ChartItem, String> draw,
            Consumer<ChartRow> onRemove) {
        this.draw = draw;
        this.briefingFilters = briefingFilters;
        addClassName("athar-card");
        addClassName("athar-briefing-item");
        filters = new FilterForm(gazetteer, this::refresh);
        kind.setLabel(getTranslation("briefing.chart.kind"));
        kind.setItems(ChartService.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("briefing.chart.kind." + k.parameter()));
        by.setLabel(getTranslation("briefing.chart.by"));
        rows.setLabel(getTranslation("briefing.chart.rows"));
        columns.setLabel(getTranslation("briefing.chart.columns"));
        for (Select<Dimension> s : List.of(by, rows, columns)) {
            s.setItemLabelGenerator(d -> getTranslation("trends.dimension." + d.parameter()));
        }
        rows.setItems(Dimension.values());
        columns.setItems(Dimension.values());
        rows.setValue(Dimension.GOVERNORATE);
        columns.setValue(Dimension.PERPETRATOR);
        kind.addValueChangeListener(e -> {
            arrange();
            refresh();
        });
        kind.setValue(ChartService.Kind.BREAKDOWN);
        by.addValueChangeListener(e -> refresh());
        rows.addValueChangeListener(e -> refresh());
        columns.addValueChangeListener(e -> refresh());
        caption.setLabel(getTranslation("briefing.chart.caption"));
        caption.setWidthFull();
        caption.setMaxLength(BriefingRules.MAX_CAPTION);
        preview.addClassName("athar-chart");
        remove = new Button(getTranslation("briefing.remove"), VaadinIcon.TRASH.create(), e -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        filters.addComponentAsFirst(kind);
        filters.addComponentAtIndex(1, by);
        filters.addComponentAtIndex(2, rows);
        filters.addComponentAtIndex(3, columns);
        add(filters, caption, preview, remove);
    }

    private void arrange() {
        ChartService.Kind k = kind.getValue();
        Dimension current = by.getValue();
        List<Dimension> choices = k == ChartService.Kind.TIMELINE
                ? TIME
                : Arrays.stream(Dimension.values()).filter(d -> !d.isTime()).toList();
        by.setItems(choices);
        by.setValue(
                choices.contains(current)
                        ? current
                        : k == ChartService.Kind.TIMELINE ? Dimension.YEAR : Dimension.PERPETRATOR);
        by.setVisible(k == ChartService.Kind.TIMELINE || k == ChartService.Kind.BREAKDOWN);
        rows.setVisible(k == ChartService.Kind.CROSSTAB);
        columns.setVisible(k == ChartService.Kind.CROSSTAB);
    }

    ChartItem value() {
        ChartService.Kind k = kind.getValue();
        boolean crosstab = k == ChartService.Kind.CROSSTAB;
        boolean hasBy = k == ChartService.Kind.TIMELINE || k == ChartService.Kind.BREAKDOWN;
        return new ChartItem(
                k.parameter(),
                filters.value(),
                Optional.ofNullable(by.getValue()).filter(d -> hasBy).map(Dimension::parameter),
                Optional.ofNullable(rows.getValue()).filter(d -> crosstab).map(Dimension::parameter),
                Optional.ofNullable(columns.getValue()).filter(d -> crosstab).map(Dimension::parameter),
                Optional.of(caption.getValue()));
    }

    void setValue(ChartItem c) {
        loading = true;
        kind.setValue(ChartService.Kind.fromParameter(c.kind()).orElse(ChartService.Kind.BREAKDOWN));
        c.by().flatMap(Dimension::fromParameter).ifPresent(by::setValue);
        c.rows().flatMap(Dimension::fromParameter).ifPresent(rows::setValue);
        c.columns().flatMap(Dimension::fromParameter).ifPresent(columns::setValue);
        filters.setValue(c.filters());
        caption.setValue(c.caption().orElse(""));
        loading = false;
        refresh();
    }

    FilterForm filters() {
        return filters;
    }

    void setReadOnly(boolean readOnly) {
        for (Select<?> s : List.of(kind, by, rows, columns)) {
            s.setReadOnly(readOnly);
        }
        caption.setReadOnly(readOnly);
        filters.setReadOnly(readOnly);
        remove.setVisible(!readOnly);
    }

    void refresh() {
        if (loading || kind.getValue() == null) {
            return;
        }
        // The SVG is Athar's own output (no user markup: captions are not part of the drawing). No drawing while the
        // chart's filters lie outside the briefing's: the form says why.
        preview.getElement().setProperty("innerHTML", filters.within(briefingFilters.get()) ? draw.apply(value()) : "");
    }
}
