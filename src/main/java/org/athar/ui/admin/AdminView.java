package org.athar.ui.admin;

import com.vaadin.flow.router.Route;
import org.athar.ui.MainLayout;
import org.athar.ui.PlaceholderView;

/** The admin screen (its feature lands in its own issue). */
@Route(value = "admin", layout = MainLayout.class)
public class AdminView extends PlaceholderView {

    public AdminView() {
        super("admin");
    }
}
