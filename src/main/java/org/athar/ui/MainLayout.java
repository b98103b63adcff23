package org.athar.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.athar.dataset.DataSetFacts;
import org.athar.engine.EngineStatus;
import org.athar.security.CurrentViewer;
import org.athar.security.Viewer;

/**
 * The application shell: brand, the navigation the signed-in user may open, who is signed in, sign-out and the
 * language switch; sends every view to a clear page when the engine is down.
 */
@StyleSheet("context://styles/athar.css")
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    static final String MAIN_CONTENT = "main-content";

    private final EngineStatus engine;
    private final AccessAnnotationChecker access;

    public MainLayout(
            EngineStatus engine,
            DataSetFacts facts,
            CurrentViewer viewer,
            AccessAnnotationChecker access,
            AuthenticationContext authentication) {
        this.engine = engine;
        this.access = access;
        setPrimarySection(Section.DRAWER);
        addToNavbar(skipLink(), new DrawerToggle(), navbarTitle());
        if (engine.isAvailable() && holdsSyntheticData(facts)) {
            Span badge = new Span(getTranslation("data.synthetic"));
            badge.addClassName("athar-synthetic-badge");
            badge.setId("synthetic-badge");
            badge.getElement().setAttribute("title", getTranslation("data.synthetic.explained"));
            addToNavbar(badge);
        }
        addToNavbar(new LanguageSwitch(getLocale()));
        addToDrawer(brand(), navigation(), signedIn(viewer.get(), authentication), caveat());
    }

    private static boolean holdsSyntheticData(DataSetFacts facts) {
        try {
            return facts.holdsSyntheticData();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * "Skip to content": the first Tab stop of every page (hidden until focused), so a keyboard user reaches the
     * page's own content without tabbing through the menu; the next Tab reaches its first field (Search's box).
     */
    private Anchor skipLink() {
        Anchor skip = new Anchor("#" + MAIN_CONTENT, getTranslation("nav.skip"));
        skip.setId("skip-link");
        skip.addClassName("athar-skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        // The view is the layout's unslotted child; it is replaced on navigation, so it is found on each use.
        skip.getElement()
                .executeJs("this.addEventListener('click', e => { e.preventDefault();"
                        + " const layout = this.closest('vaadin-app-layout');"
                        + " const main = layout && [...layout.children].find(c => !c.hasAttribute('slot'));"
                        + " if (main) { main.setAttribute('tabindex', '-1'); main.classList.add('athar-main-content');"
                        + " main.focus(); main.scrollIntoView(); } })");
        return skip;
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

    /**
     * The views marked {@code @Menu}, in their order, that the signed-in user may open: Vaadin's menu configuration
     * already leaves out what the router would refuse, and the same {@code @RolesAllowed} rules are checked here
     * again, so the menu never offers a page that refuses. Titles are message keys, translated here.
     */
    private SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() != null && access.hasAccess(entry.menuClass())) {
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.menuClass(), icon(entry.icon())));
            }
        }
        nav.addClassName("athar-nav");
        nav.setId("navigation");
        return nav;
    }

    /** {@code vaadin:file-text-o} as the same icon {@code VaadinIcon.FILE_TEXT_O.create()} makes. */
    private static Icon icon(String name) {
        return VaadinIcon.valueOf(name.substring(name.indexOf(':') + 1)
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_'))
                .create();
    }

    private Div signedIn(Viewer viewer, AuthenticationContext authentication) {
        Span name = new Span(viewer.username());
        name.setId("signed-in-user");
        name.addClassName("athar-user-name");
        Span roles = new Span(viewer.roles().stream()
                .map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(" · ")));
        roles.setId("signed-in-roles");
        roles.addClassName("athar-muted");
        Button signOut =
                new Button(getTranslation("nav.sign-out"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        Div box = new Div(name, roles, signOut);
        box.addClassName("athar-signed-in");
        return box;
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
