package org.athar.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * The names a screen reader speaks for Vaadin's own controls (the drawer toggle, a grid's sort buttons, a password
 * field's reveal button, a menu bar's overflow button), in the user's language on every screen: Vaadin ships them
 * in English only. Set on the components after each navigation, and by a small script for the ones the browser
 * creates itself (grid sorters) or that open later (dialogs).
 */
@org.springframework.stereotype.Component
class AccessibleNames implements VaadinServiceInitListener {

    // Grid sorters are made in the browser with aria-label "Sort by <header>"; the others are re-labelled when they
    // appear, so a dialog opened after navigation is covered too. Runs once per page; a new language reloads it.
    private static final String SCRIPT = """
            const names = $0;
            if (window.atharNames) { window.atharNames.names = names; window.atharNames.scan(document); return; }
            const self = { names };
            const label = (el) => {
              const n = self.names;
              if (el.localName === 'vaadin-grid-sorter') {
                const l = el.getAttribute('aria-label');
                if (l && l.startsWith('Sort by ')) {
                  const next = n.sortBy.replace('{0}', l.substring(8));
                  if (next !== l) el.setAttribute('aria-label', next);
                }
              } else if (el.localName === 'vaadin-drawer-toggle') {
                if (el.getAttribute('aria-label') !== n.drawerToggle) el.setAttribute('aria-label', n.drawerToggle);
                if (el.ariaLabel !== n.drawerToggle) el.ariaLabel = n.drawerToggle;
              } else if (el.localName === 'vaadin-password-field') {
                if (!el.i18n || el.i18n.reveal !== n.reveal) el.i18n = Object.assign({}, el.i18n, { reveal: n.reveal });
              } else if (el.localName === 'vaadin-menu-bar') {
                if (!el.i18n || el.i18n.moreOptions !== n.moreOptions) el.i18n = Object.assign({}, el.i18n, { moreOptions: n.moreOptions });
              }
            };
            const selector = 'vaadin-grid-sorter, vaadin-drawer-toggle, vaadin-password-field, vaadin-menu-bar';
            self.scan = (root) => { if (root.matches && root.matches(selector)) label(root);
              if (root.querySelectorAll) root.querySelectorAll(selector).forEach(label); };
            new MutationObserver((records) => records.forEach((r) => {
              if (r.type === 'attributes') { if (r.target.localName === 'vaadin-grid-sorter') label(r.target); }
              else r.addedNodes.forEach((node) => { if (node.nodeType === 1) self.scan(node); });
            })).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
            window.atharNames = self;
            self.scan(document);
            """;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            ui.addAfterNavigationListener(navigation -> apply(ui));
        });
    }

    /** Labels the components now on the page and (re)installs the script for those made later. */
    static void apply(UI ui) {
        ui.getChildren().forEach(c -> label(ui, c));
        JsonObject names = Json.createObject();
        names.put("sortBy", ui.getTranslation("aria.sort-by"));
        names.put("drawerToggle", ui.getTranslation("aria.drawer-toggle"));
        names.put("reveal", ui.getTranslation("aria.show-password"));
        names.put("moreOptions", ui.getTranslation("aria.more-options"));
        ui.getPage().executeJs(SCRIPT, names);
    }

    private static void label(UI ui, Component c) {
        if (c instanceof AppLayout layout) {
            layout.setI18n(new AppLayout.AppLayoutI18n().setDrawer(ui.getTranslation("aria.drawer")));
        } else if (c instanceof DrawerToggle toggle) {
            String name = ui.getTranslation("aria.drawer-toggle");
            toggle.setAriaLabel(name);
            toggle.getElement().setProperty("ariaLabel", name);
        } else if (c instanceof MenuBar menu) {
            menu.setI18n(new MenuBar.MenuBarI18n().setMoreOptions(ui.getTranslation("aria.more-options")));
        } else if (c instanceof PasswordField password) {
            JsonObject i18n = Json.createObject();
            i18n.put("reveal", ui.getTranslation("aria.show-password"));
            password.getElement().setPropertyJson("i18n", i18n);
        }
        c.getChildren().forEach(child -> label(ui, child));
    }
}
