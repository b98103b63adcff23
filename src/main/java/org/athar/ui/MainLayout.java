package org.athar.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import java.util.Locale;
import org.athar.engine.EngineStatus;
import org.athar.i18n.Messages;
import org.athar.ingest.ImportService;
import org.athar.ui.admin.AdminView;
import org.athar.ui.exports.ExportsView;
import org.athar.ui.imports.ImportView;
import org.athar.ui.search.SearchView;
import org.athar.ui.trends.TrendsView;

/** The application shell: brand, navigation, language switch; sends every view to a clear page when the engine is down. */
@StyleSheet("context://styles/athar.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final EngineStatus engine;

    public MainLayout(EngineStatus engine, ImportService imports) {
        this.engine = engine;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), navbarTitle());
        if (engine.isAvailable() && holdsSyntheticData(imports)) {
            Span badge = new Span(getTranslation("data.synthetic"));
            badge.addClassName("athar-synthetic-badge");
            badge.setId("synthetic-badge");
            badge.getElement().setAttribute("title", getTranslation("data.synthetic.explained"));
            addToNavbar(badge);
        }
        addToNavbar(languageSwitch());
        addToDrawer(brand(), navigation(), caveat());
    }

    private static boolean holdsSyntheticData(ImportService imports) {
        try {
            return imports.holdsSyntheticData();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private Span brand() {
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("athar-brand");
        return brand;
    }

    private HorizontalLayout navbarTitle() {
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("athar-tagline");
        HorizontalLayout title = new HorizontalLayout(tagline);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        title.addClassName("athar-navbar-title");
        return title;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.search"), SearchView.class, VaadinIcon.SEARCH.create()),
                new SideNavItem(getTranslation("nav.trends"), TrendsView.class, VaadinIcon.CHART.create()),
                new SideNavItem(getTranslation("nav.exports"), ExportsView.class, VaadinIcon.DOWNLOAD.create()),
                new SideNavItem(getTranslation("nav.import"), ImportView.class, VaadinIcon.UPLOAD.create()),
                new SideNavItem(getTranslation("nav.admin"), AdminView.class, VaadinIcon.COG.create()));
        nav.addClassName("athar-nav");
        return nav;
    }

    private Button languageSwitch() {
        Locale other = Messages.isRightToLeft(getLocale()) ? Messages.ENGLISH : Messages.ARABIC;
        Button button = new Button(getTranslation("lang.other"), VaadinIcon.GLOBE.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("athar-language-switch");
        button.setId("language-switch");
        button.getElement().setAttribute("lang", other.getLanguage());
        button.getElement().setAttribute("aria-label", getTranslation("lang.switch.label"));
        button.addClickListener(e -> {
            UI ui = UI.getCurrent();
            LanguagePreference.switchTo(ui, other);
            ui.getPage().reload();
        });
        return button;
    }

    private Footer caveat() {
        Footer footer = new Footer(new Span(getTranslation("caveat.documented")));
        footer.addClassName("athar-caveat");
        return footer;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!EngineUnavailableView.class.equals(event.getNavigationTarget()) && !engine.isAvailable()) {
            String problem = engine.current().problem().orElse(getTranslation("engine.unavailable.title"));
            event.rerouteToError(new EngineUnavailableException(problem), problem);
        }
    }
}
