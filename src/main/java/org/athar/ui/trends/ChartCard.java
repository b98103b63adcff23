package org.athar.ui.trends;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.athar.search.Dimension;

/**
 * One chart of the dashboard: the server's interactive SVG inline (so a click reaches the slice under it), its
 * notes, and a download menu whose files are the same drawing for the same filters.
 */
class ChartCard extends Div {

    private final Div chart = new Div();
    private final Div notes = new Div();
    private final MenuBar downloads = new MenuBar();
    private final MenuItem download;
    private final String id;
    private final H3 heading = new H3();
    private Dimension rowDimension;
    private Dimension columnDimension;

    ChartCard(String id, String title, boolean drills, Consumer<Map<Dimension, String>> onSlice) {
        this.id = id;
        setId(id);
        addClassName("athar-card");
        chart.addClassName("athar-chart");
        chart.setId(id + "-chart");
        downloads.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        downloads.setId(id + "-download");
        download = downloads.addItem(VaadinIcon.DOWNLOAD_ALT.create());
        download.add(getTranslation("trends.download"));
        heading.setText(title);
        Div head = new Div(heading, downloads);
        head.addClassName("athar-card-head");
        add(head, chart, notes);
        if (drills) {
            listen(chart.getElement()
                    .addEventListener("click", e -> slice(e.getEventData()).ifPresent(onSlice)));
            // A bar or region reached with Tab opens the same slice on Enter or Space (Space must not scroll).
            listen(Keys.onActivate(
                    chart.getElement(), e -> slice(e.getEventData()).ifPresent(onSlice)));
        }
    }

    private static void listen(DomListenerRegistration r) {
        for (String attribute : List.of("data-key", "data-row", "data-col")) {
            r.addEventData(target(attribute));
        }
    }

    private static String target(String attribute) {
        return "event.target.getAttribute('" + attribute + "')";
    }

    /** The slice under the pointer or focus: its bucket, or for a cross-tab segment its row and column. */
    private Optional<Map<Dimension, String>> slice(elemental.json.JsonObject data) {
        Map<Dimension, String> slice = new EnumMap<>(Dimension.class);
        String key = text(data, target("data-key"));
        String row = text(data, target("data-row"));
        String col = text(data, target("data-col"));
        if (!key.isEmpty() && rowDimension != null) {
            slice.put(rowDimension, key);
        }
        if (!row.isEmpty() && rowDimension != null) {
            slice.put(rowDimension, row);
        }
        if (!col.isEmpty() && columnDimension != null) {
            slice.put(columnDimension, col);
        }
        return slice.isEmpty() ? Optional.empty() : Optional.of(slice);
    }

    void setHeading(String title) {
        heading.setText(title);
    }

    private static String text(elemental.json.JsonObject data, String key) {
        return data.hasKey(key) && data.get(key).getType() == elemental.json.JsonType.STRING ? data.getString(key) : "";
    }

    /**
     * Shows {@code svg} whose slices carry {@code data-key} values of {@code dimension} (or {@code data-row} and
     * {@code data-col} values of the two dimensions of a cross-tab).
     */
    void show(
            String svg,
            List<String> noteTexts,
            Function<String, String> downloadPath,
            Dimension dimension,
            Dimension second) {
        this.rowDimension = dimension;
        this.columnDimension = second;
        // The browser's HTML parser handles inline SVG (viewBox and all); the SVG is Athar's own output.
        chart.getElement().setProperty("innerHTML", svg);
        notes.removeAll();
        noteTexts.forEach(t -> {
            Paragraph p = new Paragraph(t);
            p.addClassName("athar-chart-note");
            notes.add(p);
        });
        download.getSubMenu().removeAll();
        for (String format : List.of("png", "svg", "pdf")) {
            Anchor a = new Anchor(downloadPath.apply(format), getTranslation("trends.download." + format));
            a.getElement().setAttribute("download", true);
            a.getElement().setAttribute("router-ignore", true);
            a.setId(id + "-download-" + format);
            download.getSubMenu().addItem(a);
        }
    }
}
