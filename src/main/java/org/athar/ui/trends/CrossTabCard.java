package org.athar.ui.trends;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.athar.analytics.CrossTab;
import org.athar.analytics.Disclosure;
import org.athar.analytics.Heading;
import org.athar.search.Dimension;

/**
 * The cross-tab: its stacked-bar chart and the table of counts with row, column and grand totals, rows and columns
 * in the order the cross-tab gives. A cell, a row total or a column total opens Search with that slice.
 */
class CrossTabCard extends Div {

    private final ChartCard chart;
    private final Div tableWrap = new Div();
    private final Div tableNotes = new Div();
    private final boolean drills;
    private final Consumer<Map<Dimension, String>> onSlice;

    CrossTabCard(boolean drills, Consumer<Map<Dimension, String>> onSlice) {
        this.drills = drills;
        this.onSlice = onSlice;
        setId("trends-crosstab-card");
        chart = new ChartCard("trends-crosstab", "", drills, onSlice);
        chart.removeClassName("athar-card");
        tableWrap.addClassName("athar-crosstab-wrap");
        addClassName("athar-card");
        tableNotes.setId("trends-crosstab-notes");
        add(chart, tableWrap, tableNotes);
    }

    /**
     * Shows the cross-tab: {@code svg} is its chart (with the chart's own notes inside), {@code notes} go under the
     * table (the footnote on withheld figures when it shows one).
     */
    void show(CrossTab table, String title, String svg, List<String> notes, Function<String, String> download) {
        chart.setHeading(title);
        chart.show(svg, List.of(), download, table.rowDimension(), table.columnDimension());
        tableWrap.getElement().removeAllChildren();
        tableWrap.getElement().appendChild(table(table));
        tableNotes.removeAll();
        notes.forEach(t -> {
            Paragraph p = new Paragraph(t);
            p.addClassName("athar-chart-note");
            tableNotes.add(p);
        });
    }

    private Element table(CrossTab t) {
        Element table = new Element("table");
        table.setAttribute("id", "trends-crosstab-table");
        table.getClassList().add("athar-crosstab");
        Element head = new Element("tr");
        head.appendChild(th(
                getTranslation("trends.dimension." + t.rowDimension().parameter()) + " \\ "
                        + getTranslation(
                                "trends.dimension." + t.columnDimension().parameter()),
                "col"));
        t.columns().forEach(c -> head.appendChild(th(c.label(), "col")));
        head.appendChild(th(getTranslation("trends.total"), "col"));
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (int r = 0; r < t.rows().size(); r++) {
            Heading row = t.rows().get(r);
            Element tr = new Element("tr");
            tr.appendChild(th(row.label(), "row"));
            for (int c = 0; c < t.columns().size(); c++) {
                tr.appendChild(
                        cell(t.cells().get(r).get(c), slice(t, row, t.columns().get(c)), false));
            }
            tr.appendChild(cell(t.rowTotals().get(r), slice(t, row, null), true));
            body.appendChild(tr);
        }
        table.appendChild(body);
        Element foot = new Element("tr");
        foot.appendChild(th(getTranslation("trends.total"), "row"));
        for (int c = 0; c < t.columns().size(); c++) {
            foot.appendChild(
                    cell(t.columnTotals().get(c), slice(t, null, t.columns().get(c)), true));
        }
        OptionalLong placed = t.total().isPresent() && t.imprecise().isPresent()
                ? OptionalLong.of(t.total().getAsLong() - t.imprecise().getAsLong())
                : OptionalLong.empty();
        foot.appendChild(cell(placed, Map.of(), true));
        table.appendChild(new Element("tfoot").appendChild(foot));
        return table;
    }

    private static Map<Dimension, String> slice(CrossTab t, Heading row, Heading column) {
        Map<Dimension, String> slice = new EnumMap<>(Dimension.class);
        if (row != null) {
            slice.put(t.rowDimension(), row.key());
        }
        if (column != null) {
            slice.put(t.columnDimension(), column.key());
        }
        return slice;
    }

    private static Element th(String text, String scope) {
        Element th = new Element("th");
        th.setAttribute("scope", scope);
        th.setAttribute("dir", "auto");
        th.setText(text);
        return th;
    }

    /**
     * A figure, or the word "withheld" («محجوب») for a withheld one: never "<k", since a figure withheld to protect
     * another is often large (a cell of 53 printed "<5" was a wrong count).
     */
    private Element cell(OptionalLong count, Map<Dimension, String> slice, boolean total) {
        Element td = new Element("td");
        td.setText(Disclosure.shown(count, getLocale()));
        if (count.isEmpty()) {
            td.getClassList().add("athar-suppressed");
        }
        if (total) {
            td.getClassList().add("athar-total");
        }
        if (drills && !slice.isEmpty()) {
            td.getClassList().add("athar-cell");
            td.setAttribute("tabindex", "0");
            td.setAttribute("data-slice", String.join(",", slice.values()));
            td.addEventListener("click", e -> onSlice.accept(slice));
            Keys.onActivate(td, e -> onSlice.accept(slice));
        }
        return td;
    }
}
