package org.athar.ui.exports;

import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.athar.ui.MainLayout;
import org.athar.ui.PlaceholderView;

/** The exports screen (its feature lands in its own issue). */
@RolesAllowed("EXPORT_AGGREGATES")
@Route(value = "exports", layout = MainLayout.class)
public class ExportsView extends PlaceholderView {

    public ExportsView() {
        super("exports");
    }
}
