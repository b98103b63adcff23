package org.athar.ui.admin;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.athar.ui.MainLayout;
import org.athar.ui.PlaceholderView;

/** The admin screen (its feature lands in its own issue). */
@Route(value = "admin", layout = MainLayout.class)
public class AdminView extends PlaceholderView {

    public AdminView() {
        super("admin");
        RouterLink audit = new RouterLink(getTranslation("admin.audit.link"), AuditView.class);
        audit.setId("admin-audit-link");
        add(audit);
    }
}
