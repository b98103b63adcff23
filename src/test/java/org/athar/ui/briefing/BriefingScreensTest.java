package org.athar.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.analytics.DisclosureProfile;
import org.athar.export.briefing.Briefing;
import org.athar.export.briefing.Briefings;
import org.athar.ingest.ImportService;
import org.athar.search.RedactionFixture;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.security.Viewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The Briefings screens, server-side (Karibu): the navigation offers them to roles that export aggregates, a new
 * briefing with a key figure and a chart is saved and reopened with its downloads, and ADVOCACY is held to public
 * figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class BriefingScreensTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    @Autowired
    Briefings briefings;

    private final String source = "Briefing UI Test " + UUID.randomUUID();

    @BeforeAll
    void importFixtures() throws IOException {
        RedactionFixture.importInto(imports, source);
    }

    private void signIn(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private List<String> navigation() {
        return LocatorJ._get(SideNav.class, spec -> spec.withId("navigation")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }

    @Test
    void a_writer_saves_a_briefing_with_a_figure_and_a_chart_and_gets_its_downloads() {
        signIn(Role.WRITER);
        UI.getCurrent().navigate("briefings");
        assertThat(navigation()).contains("Briefings");
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefings-new")));
        LocatorJ._setValue(LocatorJ._get(TextField.class, spec -> spec.withId("briefing-title")), "Screen briefing");
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-add-figure")));
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-add-chart")));
        // No filter chosen: the figure counts every report, as the statistics API does for no filter.
        List<Paragraph> sentences = LocatorJ._find(Paragraph.class, spec -> spec.withClasses("athar-briefing-figure"));
        assertThat(sentences).hasSize(1);
        assertThat(sentences.get(0).getText()).matches("[\\d,]+ people documented as disappeared\\.");
        // The chart's preview is the server's SVG with its caveat.
        assertThat(LocatorJ._get(ChartRow.class).getElement().getChild(2).getProperty("innerHTML"))
                .contains("<svg").contains("Documented cases, not the total number of disappearances");
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-save")));

        Briefing saved = briefings.list(new Viewer("test-writer", Set.of(Role.WRITER))).stream()
                .filter(b -> b.title().equals("Screen briefing")).findFirst().orElseThrow();
        assertThat(saved.owner()).isEqualTo("test-writer");
        assertThat(saved.figures()).hasSize(1);
        assertThat(saved.charts()).hasSize(1);
        assertThat(saved.charts().get(0).kind()).isEqualTo("breakdown");
        assertThat(saved.profile()).isEqualTo("internal");
        for (String format : List.of("docx", "pptx", "pdf")) {
            Anchor a = LocatorJ._get(Anchor.class, spec -> spec.withId("briefing-download-" + format));
            assertThat(a.getHref()).isEqualTo("/api/v1/briefings/" + saved.id() + "." + format);
        }
    }

    @Test
    void advocacy_is_held_to_public_figures_and_cannot_change_a_briefing_it_does_not_own() {
        Briefing other = briefings.create(Viewer.system("someone-else"), new org.athar.export.briefing.BriefingDraft(
                "Not yours", "en", "public", "", "", List.of(), List.of()));
        signIn(Role.ADVOCACY);
        UI.getCurrent().navigate("briefings/new");
        @SuppressWarnings("unchecked")
        Select<DisclosureProfile> profile = LocatorJ._get(Select.class, spec -> spec.withId("briefing-profile"));
        assertThat(profile.getValue()).isEqualTo(DisclosureProfile.PUBLIC);
        assertThat(profile.isReadOnly()).isTrue();
        UI.getCurrent().navigate("briefings/" + other.id());
        assertThat(LocatorJ._get(TextField.class, spec -> spec.withId("briefing-title")).isReadOnly()).isTrue();
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("briefing-read-only")).isVisible()).isTrue();
        // Karibu finds visible components only: no Save and no Delete for a briefing of someone else.
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("briefing-save"))).isEmpty();
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("briefing-delete"))).isEmpty();
        assertThat(LocatorJ._find(Anchor.class, spec -> spec.withId("briefing-download-pdf"))).hasSize(1);
    }
}
