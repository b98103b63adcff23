package org.athar.ui.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.io.IOException;
import org.athar.search.ReportSearch;
import org.athar.security.CurrentViewer;

/** Search's name suggestions: a native datalist bound to the text field's input (no frontend build needed). */
final class Suggestions {

    private final Element list = new Element("datalist");
    private final ReportSearch search;
    private final CurrentViewer viewer;

    private Suggestions(ReportSearch search, CurrentViewer viewer) {
        this.search = search;
        this.viewer = viewer;
    }

    /** Offers up to eight suggestions under {@code text} as the user types; {@code owner} holds the list. */
    static void attach(Component owner, TextField text, ReportSearch search, CurrentViewer viewer) {
        Suggestions s = new Suggestions(search, viewer);
        s.list.setAttribute("id", "search-suggestions");
        owner.getElement().appendChild(s.list);
        text.getElement().executeJs("this.inputElement.setAttribute('list', 'search-suggestions')");
        text.addValueChangeListener(e -> s.suggest(e.getValue()));
    }

    private void suggest(String typed) {
        list.removeAllChildren();
        if (typed == null || typed.strip().length() < 2 || typed.contains("\"") || typed.contains(":")) {
            return;
        }
        try {
            for (String s : search.suggest(viewer.get(), typed, 8)) {
                list.appendChild(new Element("option").setAttribute("value", s));
            }
        } catch (IOException | RuntimeException e) {
            // Suggestions are a convenience; the search itself reports engine errors.
        }
    }
}
