package org.athar.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.athar.AtharIntegrationTest;
import org.athar.ingest.ImportOptions;
import org.athar.ingest.ImportService;
import org.athar.report.Report;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.SpringKaribu;
import org.athar.ui.search.ReportView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Consent on the screens (issue 21), server-side with Karibu on the real engine: Trends counts reports by consent for
 * the internal profile only, the consent filters round-trip through the URL and show as chips, and the report page
 * shows the consent block with its note only to a reader who sees identities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(SwitchableViewer.Config.class)
class ConsentScreensTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Autowired
    SwitchableViewer viewer;

    private final String source = "Consent UI " + UUID.randomUUID();

    @BeforeAll
    void load() {
        imports.importFile(
                new ByteArrayInputStream(("report_id,victim_name,disappeared_on,consent_to_share,share_with,"
                                + "consent_date,consent_note\n"
                                + "K1,Synthetic Consent One,2013-05-01,yes,any,2024-01-10,Agreed by Rasha Kassem\n"
                                + "K2,Synthetic Consent Two,2013-05-01,yes,UN IIMP,,\n"
                                + "K3,Synthetic Consent Three,2013-05-01,no,,,\n"
                                + "K4,Synthetic Consent Four,2013-05-01,,,,\n")
                        .getBytes(StandardCharsets.UTF_8)),
                "consent-ui.csv",
                new ImportOptions(Optional.of(source), "test", true),
                c -> {});
    }

    private void signIn(Role role, Locale locale) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
        UI.getCurrent().setLocale(locale);
    }

    @AfterEach
    void signOut() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private static String text(String id) {
        return LocatorJ._get(Span.class, spec -> spec.withId(id)).getText();
    }

    @Test
    void trends_counts_reports_by_consent_for_the_internal_profile() {
        signIn(Role.ANALYST, Locale.ENGLISH);
        UI.getCurrent().navigate("trends", QueryParameters.simple(Map.of("source", source, "profile", "internal")));
        assertThat(LocatorJ._get(Div.class, spec -> spec.withId("trends-consent"))
                        .isVisible())
                .isTrue();
        assertThat(text("trends-consent-yes")).isEqualTo("2");
        assertThat(text("trends-consent-no")).isEqualTo("1");
        assertThat(text("trends-consent-unknown")).isEqualTo("1");
    }

    @Test
    void the_public_profile_and_an_advocacy_account_get_no_consent_figures_on_trends() {
        signIn(Role.ANALYST, Locale.ENGLISH);
        UI.getCurrent().navigate("trends", QueryParameters.simple(Map.of("source", source, "profile", "public")));
        assertThat(LocatorJ._find(Div.class, spec -> spec.withId("trends-consent")))
                .as("the card is hidden (Karibu finds visible components only)")
                .isEmpty();
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("trends-consent-yes")))
                .isEmpty();
        signOut();

        signIn(Role.ADVOCACY, Locale.ENGLISH);
        UI.getCurrent().navigate("trends", QueryParameters.simple(Map.of("source", source)));
        assertThat(LocatorJ._find(Div.class, spec -> spec.withId("trends-consent")))
                .as("the card is hidden (Karibu finds visible components only)")
                .isEmpty();
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("trends-consent-yes")))
                .isEmpty();
    }

    @Test
    void consent_filters_round_trip_through_the_url_and_show_as_chips_in_both_languages() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"))) {
            signIn(Role.ANALYST, locale);
            UI.getCurrent()
                    .navigate(
                            "trends",
                            QueryParameters.simple(Map.of(
                                    "source",
                                    source,
                                    "consent",
                                    "yes",
                                    "share_with",
                                    "UN IIMP",
                                    "profile",
                                    "internal")));
            String chip = LocatorJ._get(Span.class, spec -> spec.withId("trends-chip-consent"))
                    .getElement()
                    .getTextRecursively();
            assertThat(chip).contains(locale.getLanguage().equals("ar") ? "الموافقة على المشاركة" : "Consent to share");
            assertThat(LocatorJ._get(Span.class, spec -> spec.withId("trends-chip-share_with"))
                            .getElement()
                            .getTextRecursively())
                    .contains("UN IIMP");
            Map<String, List<String>> url = UI.getCurrent()
                    .getInternals()
                    .getActiveViewLocation()
                    .getQueryParameters()
                    .getParameters();
            assertThat(url).containsEntry("consent", List.of("yes")).containsEntry("share_with", List.of("UN IIMP"));
            // Both K1 (any) and K2 (UN IIMP) may go to UN IIMP; the card counts within the filters in force.
            assertThat(text("trends-consent-yes")).isEqualTo(String.format(locale, "%,d", 2));
            signOut();
        }
    }

    @Test
    void the_report_page_shows_consent_and_its_note_only_to_a_reader_who_sees_identities() {
        signIn(Role.ANALYST, Locale.ENGLISH);
        UI.getCurrent().navigate(ReportView.class, Report.idFor(source, "K1"));
        String analyst = LocatorJ._get(Div.class, spec -> spec.withId("report-consent"))
                .getElement()
                .getTextRecursively();
        assertThat(analyst)
                .contains("Consent to share")
                .contains("Any recipient")
                .contains("Rasha Kassem");
        signOut();

        signIn(Role.WRITER, Locale.forLanguageTag("ar"));
        UI.getCurrent().navigate(ReportView.class, Report.idFor(source, "K1"));
        String writer = LocatorJ._get(Div.class, spec -> spec.withId("report-consent"))
                .getElement()
                .getTextRecursively();
        assertThat(writer)
                .contains("موافقة على المشاركة")
                .contains("أي جهة مستلمة")
                .doesNotContain("Rasha");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain("Rasha");
    }
}
