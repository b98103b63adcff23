package org.athar.ui.trends;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.athar.ui.components.FilterBar;

/**
 * The filters of Trends folded into one line: a chip per filter in force, each with a button that removes it, and
 * "Edit filters", which opens the full filter bar ({@code editor}) below. Folded, the first chart is in view on a
 * laptop screen; the bar fills it otherwise.
 */
class FilterChips extends Div {

    private final FilterBar filters;
    private final Component editor;
    private final Div chips = new Div();
    private final Button toggle = new Button();

    FilterChips(FilterBar filters, Component editor) {
        this.filters = filters;
        this.editor = editor;
        setId("trends-filter-summary");
        addClassName("athar-filter-summary");
        chips.setId("trends-chips");
        chips.addClassName("athar-chips");
        toggle.setId("trends-edit-filters");
        toggle.setIcon(VaadinIcon.SLIDERS.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClickListener(e -> setOpen(!editor.isVisible()));
        editor.getElement().setAttribute("id", "trends-filter-editor");
        toggle.getElement().setAttribute("aria-controls", "trends-filter-editor");
        add(chips, toggle);
        setOpen(false);
        refresh();
    }

    /** Opens or folds the full filter bar. */
    void setOpen(boolean open) {
        editor.setVisible(open);
        toggle.setText(getTranslation(open ? "trends.filters.hide" : "trends.filters.edit"));
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
    }

    /** Shows the filters in force now (call after the bar's value changed, by the user or from the URL). */
    void refresh() {
        chips.removeAll();
        var active = filters.active();
        if (active.isEmpty()) {
            Span none = new Span(getTranslation("trends.filters.none"));
            none.addClassName("athar-muted");
            none.setId("trends-chips-none");
            chips.add(none);
        }
        for (FilterBar.Active filter : active) {
            Span label = new Span(filter.text());
            label.getElement().setAttribute("dir", "auto");
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> filters.clear(filter.parameter()));
            remove.addThemeVariants(
                    ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel(getTranslation("trends.filters.remove", filter.text()));
            remove.setTooltipText(getTranslation("trends.filters.remove", filter.text()));
            remove.setId("trends-chip-remove-" + filter.parameter());
            Span chip = new Span(label, remove);
            chip.addClassName("athar-chip");
            chip.setId("trends-chip-" + filter.parameter());
            chips.add(chip);
        }
    }
}
