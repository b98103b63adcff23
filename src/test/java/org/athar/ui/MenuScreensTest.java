package org.athar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The side menu, server-side (Karibu): built from the views' {@code @Menu}, it keeps its order, labels, icons and
 * addresses, and offers each role only the pages that role may open.
 */
@Import(SwitchableViewer.Config.class)
class MenuScreensTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SwitchableViewer viewer;

    private List<SideNavItem> menuOf(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
        UI.getCurrent().navigate("account");
        return LocatorJ._get(SideNav.class, spec -> spec.withId("navigation")).getItems();
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    @Test
    void an_administrator_sees_every_section_in_order_with_its_icon_and_address() {
        List<SideNavItem> menu = menuOf(Role.ADMIN);

        assertThat(menu.stream().map(SideNavItem::getLabel))
                .containsExactly(
                        "Search",
                        "Trends",
                        "Overlap of sources",
                        "Review links",
                        "Exports",
                        "Sharing",
                        "Briefings",
                        "Import",
                        "Admin",
                        "Account");
        assertThat(menu.stream().map(SideNavItem::getPath))
                .containsExactly(
                        "",
                        "trends",
                        "overlap",
                        "review",
                        "exports",
                        "sharing",
                        "briefings",
                        "import",
                        "admin",
                        "account");
        assertThat(menu.stream().map(i -> i.getPrefixComponent().getElement().getAttribute("icon")))
                .containsExactly(
                        "vaadin:search",
                        "vaadin:chart",
                        "vaadin:cluster",
                        "vaadin:connect",
                        "vaadin:download",
                        "vaadin:share",
                        "vaadin:file-text-o",
                        "vaadin:upload",
                        "vaadin:cog",
                        "vaadin:user");
    }

    @Test
    void advocacy_staff_are_offered_only_the_pages_they_may_open() {
        assertThat(menuOf(Role.ADVOCACY).stream().map(SideNavItem::getLabel))
                .containsExactly("Trends", "Overlap of sources", "Exports", "Briefings", "Account");
    }
}
