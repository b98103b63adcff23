package org.athar.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.athar.analytics.CrossTab;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.Heading;
import org.athar.search.Dimension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enter and Space on a focused bar, region or cross-tab cell do what a click does (Karibu, no engine): the slice
 * under the focus is drilled into; any other key (Tab moving on) is not.
 */
class KeyboardDrillTest {

    private final List<Map<Dimension, String>> drilled = new ArrayList<>();

    @BeforeEach
    void ui() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    /** A keydown as the browser sends it: the filter's verdict and the focused slice's data attributes. */
    private static JsonObject keydown(boolean enterOrSpace, Map<String, String> target) {
        JsonObject data = Json.createObject();
        data.put(Keys.ACTIVATE, enterOrSpace);
        target.forEach((attribute, value) -> data.put("event.target.getAttribute('" + attribute + "')", value));
        return data;
    }

    private static Element chartOf(ChartCard card) {
        return card.getChildren()
                .map(c -> c.getElement())
                .filter(e -> e.getClassList().contains("athar-chart"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void enter_on_a_focused_bar_drills_into_that_bar_and_tab_does_not() {
        ChartCard card = new ChartCard("trends-timeline", "Persons by year", true, drilled::add);
        card.show("<svg></svg>", List.of(), f -> "#", Dimension.YEAR, null);
        Element chart = chartOf(card);

        ElementUtilsKt._fireDomEvent(chart, new DomEvent(chart, "keydown", keydown(false, Map.of("data-key", "2013"))));
        assertThat(drilled).as("Tab or an arrow key moves on; it opens nothing").isEmpty();

        ElementUtilsKt._fireDomEvent(chart, new DomEvent(chart, "keydown", keydown(true, Map.of("data-key", "2013"))));
        assertThat(drilled).containsExactly(Map.of(Dimension.YEAR, "2013"));
    }

    @Test
    void space_on_a_focused_cross_tab_segment_drills_into_its_row_and_column() {
        ChartCard card = new ChartCard("trends-crosstab", "", true, drilled::add);
        card.show("<svg></svg>", List.of(), f -> "#", Dimension.GOVERNORATE, Dimension.PERPETRATOR);
        Element chart = chartOf(card);
        ElementUtilsKt._fireDomEvent(
                chart, new DomEvent(chart, "keydown", keydown(true, Map.of("data-row", "SY02", "data-col", "isis"))));
        assertThat(drilled).containsExactly(Map.of(Dimension.GOVERNORATE, "SY02", Dimension.PERPETRATOR, "isis"));
    }

    @Test
    void the_keyboard_handler_prevents_only_enter_and_spaces_default_so_tab_still_moves_focus() {
        ChartCard card = new ChartCard("trends-status", "Persons by status", true, drilled::add);
        java.util.Set<String> registered = chartOf(card)
                .getNode()
                .getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .getExpressions("keydown");
        assertThat(registered)
                .contains(Keys.ACTIVATE + " && (event.preventDefault(), true)")
                .doesNotContain("event.preventDefault()");
    }

    @Test
    void enter_on_a_focused_cross_tab_cell_drills_into_that_cell() {
        CrossTabCard card = new CrossTabCard(true, drilled::add);
        card.show(
                new CrossTab(
                        Dimension.GOVERNORATE,
                        Dimension.PERPETRATOR,
                        DisclosureProfile.INTERNAL,
                        List.of(new Heading("SY02", "Aleppo")),
                        List.of(new Heading("isis", "ISIS")),
                        List.of(List.of(OptionalLong.of(7))),
                        List.of(OptionalLong.of(7)),
                        List.of(OptionalLong.of(7)),
                        OptionalLong.of(7),
                        OptionalLong.of(0)),
                "t",
                "<svg></svg>",
                List.of(),
                f -> "#");
        List<Element> cells = new ArrayList<>();
        collect(card.getElement(), cells);
        Element cell = cells.get(0);
        assertThat(cell.getAttribute("tabindex")).isEqualTo("0");

        ElementUtilsKt._fireDomEvent(cell, new DomEvent(cell, "keydown", keydown(false, Map.of())));
        assertThat(drilled).isEmpty();
        ElementUtilsKt._fireDomEvent(cell, new DomEvent(cell, "keydown", keydown(true, Map.of())));
        assertThat(drilled).containsExactly(Map.of(Dimension.GOVERNORATE, "SY02", Dimension.PERPETRATOR, "isis"));
    }

    private static void collect(Element e, List<Element> cells) {
        if (!e.isTextNode() && e.getClassList().contains("athar-cell")) {
            cells.add(e);
        }
        e.getChildren().forEach(c -> collect(c, cells));
    }
}
