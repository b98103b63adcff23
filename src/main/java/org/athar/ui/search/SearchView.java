package org.athar.ui.search;

import com.vaadin.flow.router.Route;
import org.athar.ui.MainLayout;
import org.athar.ui.PlaceholderView;

/** The search screen (its feature lands in its own issue). */
@Route(value = "", layout = MainLayout.class)
public class SearchView extends PlaceholderView {

    public SearchView() {
        super("search");
    }
}
