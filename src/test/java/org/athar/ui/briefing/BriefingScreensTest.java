package org.athar.ui.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
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
import org.athar.briefing.Briefing;
import org.athar.briefing.Briefings;
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
                .map(SideNavItem::getLabel)
                .toList();
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
                .contains("<svg")
                .contains("Documented cases, not the total number of disappearances");
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-save")));

        Briefing saved = briefings.list(new Viewer("test-writer", Set.of(Role.WRITER))).stream()
                .filter(b -> b.title().equals("Screen briefing"))
                .findFirst()
                .orElseThrow();
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
        Briefing other = briefings.create(
                Viewer.system("someone-else"),
                new org.athar.briefing.BriefingDraft("Not yours", "en", "public", "", "", List.of(), List.of()));
        signIn(Role.ADVOCACY);
        UI.getCurrent().navigate("briefings/new");
        @SuppressWarnings("unchecked")
        Select<DisclosureProfile> profile = LocatorJ._get(Select.class, spec -> spec.withId("briefing-profile"));
        assertThat(profile.getValue()).isEqualTo(DisclosureProfile.PUBLIC);
        assertThat(profile.isReadOnly()).isTrue();
        UI.getCurrent().navigate("briefings/" + other.id());
        assertThat(LocatorJ._get(TextField.class, spec -> spec.withId("briefing-title"))
                        .isReadOnly())
                .isTrue();
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("briefing-read-only"))
                        .isVisible())
                .isTrue();
        // Karibu finds visible components only: no Save and no Delete for a briefing of someone else.
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("briefing-save")))
                .isEmpty();
        assertThat(LocatorJ._find(Button.class, spec -> spec.withId("briefing-delete")))
                .isEmpty();
        assertThat(LocatorJ._find(Anchor.class, spec -> spec.withId("briefing-download-pdf")))
                .hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<String> governorates(com.vaadin.flow.component.Component in) {
        return LocatorJ._get(in, MultiSelectComboBox.class, spec -> spec.withLabel("Governorate"));
    }

    @Test
    void a_chart_inherits_the_filters_of_the_whole_briefing_and_is_told_when_its_own_lie_outside() {
        signIn(Role.WRITER);
        UI.getCurrent().navigate("briefings/new");
        LocatorJ._setValue(LocatorJ._get(TextField.class, spec -> spec.withId("briefing-title")), "Whole filters");
        FilterForm wide = LocatorJ._get(FilterForm.class, spec -> spec.withId("briefing-filters"));
        LocatorJ._setValue(governorates(wide), Set.of("SY02"));
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-add-chart")));
        ChartRow row = LocatorJ._get(ChartRow.class);
        // No filter of its own: the chart draws the briefing's (Aleppo only).
        String svg = row.getElement().getChild(2).getProperty("innerHTML");
        assertThat(svg).contains("<svg", "Aleppo");
        LocatorJ._setValue(governorates(row), Set.of("SY04"));
        Paragraph outside = LocatorJ._get(row, Paragraph.class, spec -> spec.withClasses("athar-briefing-outside"));
        assertThat(outside.getText())
                .isEqualTo("Outside the briefing's filters: Governorate. Choose values within "
                        + "the filters for the whole briefing, or widen those.");
        assertThat(governorates(row).isInvalid()).isTrue();
        assertThat(row.getElement().getChild(2).getProperty("innerHTML")).isEmpty();
        LocatorJ._setValue(governorates(row), Set.of("SY02"));
        assertThat(LocatorJ._find(row, Paragraph.class, spec -> spec.withClasses("athar-briefing-outside")))
                .isEmpty();
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-save")));
        Briefing saved = briefings.list(new Viewer("test-writer", Set.of(Role.WRITER))).stream()
                .filter(b -> b.title().equals("Whole filters"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.filters()).isEqualTo("governorate=SY02");
        // Reopened, the briefing's filters are back in their form.
        UI.getCurrent().navigate("briefings/" + saved.id());
        assertThat(governorates(LocatorJ._get(FilterForm.class, spec -> spec.withId("briefing-filters")))
                        .getValue())
                .containsExactly("SY02");
    }

    @Test
    void share_of_lists_one_unknown_and_names_the_dimension_of_each_choice() {
        signIn(Role.WRITER);
        UI.getCurrent().navigate("briefings/new");
        LocatorJ._click(LocatorJ._get(Button.class, spec -> spec.withId("briefing-add-figure")));
        @SuppressWarnings("unchecked")
        Select<String> share =
                LocatorJ._get(LocatorJ._get(FigureRow.class), Select.class, spec -> spec.withLabel("Share of"));
        List<String> labels = share.getListDataView()
                .getItems()
                .map(share.getItemLabelGenerator()::apply)
                .toList();
        assertThat(labels.stream().filter(l -> l.contains("Unknown"))).containsExactly("Alleged perpetrator: Unknown");
        assertThat(labels).contains("Count only", "Alleged perpetrator: Syrian government forces", "Status: Missing");
    }
}
