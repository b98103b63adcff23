package org.athar.ui.trends;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.athar.ui.MainLayout;
import org.athar.ui.PlaceholderView;

/** The trends screen (its feature lands in its own issue). */
@RolesAllowed("VIEW_TRENDS")
@Route(value = "trends", layout = MainLayout.class)
public class TrendsView extends PlaceholderView {

    public TrendsView() {
        super("trends");
    }
}
