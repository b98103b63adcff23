package org.athar.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/** The HTML page around the application: title, colour scheme, icon. */
@Meta(name = "color-scheme", content = "light")
public class AtharAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Athar · أثر");
    }
}
