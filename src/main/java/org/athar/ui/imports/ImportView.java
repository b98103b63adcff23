package org.athar.ui.imports;

import com.vaadin.flow.router.Route;
import org.athar.ui.MainLayout;
import org.athar.ui.PlaceholderView;

/** The import screen (its feature lands in its own issue). */
@Route(value = "import", layout = MainLayout.class)
public class ImportView extends PlaceholderView {

    public ImportView() {
        super("import");
    }
}
