package org.athar.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.linkage.LinkageWorker;
import org.athar.linkage.RelinkStatus;
import org.athar.search.Count;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.SpringKaribu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * While reports are being linked into persons, Trends says so (instead of showing "0 persons" unexplained) and
 * polls until the link is done; counting reports needs no such note.
 */
@Import(SwitchableViewer.Config.class)
class TrendsLinkingTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SwitchableViewer viewer;

    @MockitoSpyBean
    LinkageWorker linkage;

    @AfterEach
    void signOut() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    private void open(Locale locale) {
        viewer.actAs(Role.ANALYST);
        SpringKaribu.setUp(context, Set.of(Role.ANALYST));
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("trends");
    }

    private static Span note() {
        return LocatorJ._get(Span.class, spec -> spec.withId("trends-linking"));
    }

    @Test
    void while_persons_are_being_linked_trends_says_so_and_polls_until_it_is_done() {
        doReturn(new RelinkStatus(
                        "running", 3_000, 12_000, Optional.of(Instant.now()), Optional.empty(), 0, 0, Optional.empty()))
                .when(linkage)
                .status();
        open(Locale.ENGLISH);
        assertThat(note().isVisible()).isTrue();
        assertThat(note().getText()).contains("being linked into persons").contains("3,000 of 12,000");
        assertThat(UI.getCurrent().getPollInterval()).isPositive();

        @SuppressWarnings("unchecked")
        Select<Count> counting = LocatorJ._get(Select.class, spec -> spec.withId("trends-count"));
        com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue(counting, Count.REPORTS);
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("trends-linking")))
                .as("counting reports does not depend on the link")
                .isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
    }

    @Test
    void the_note_is_arabic_in_arabic_and_absent_when_no_link_runs() {
        doReturn(new RelinkStatus(
                        "running", 0, 500, Optional.of(Instant.now()), Optional.empty(), 0, 0, Optional.empty()))
                .when(linkage)
                .status();
        open(Locale.forLanguageTag("ar"));
        assertThat(note().getText()).contains("يجري ربط البلاغات بالأشخاص");
        SpringKaribu.tearDown();
        doReturn(RelinkStatus.idle()).when(linkage).status();
        open(Locale.ENGLISH);
        assertThat(LocatorJ._find(Span.class, spec -> spec.withId("trends-linking")))
                .as("no visible note")
                .isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
    }

    @Test
    void when_the_relink_waits_for_an_administrator_trends_says_persons_are_incomplete_in_both_languages() {
        doReturn(RelinkStatus.needed(5_000_000, Instant.now())).when(linkage).status();
        open(Locale.ENGLISH);
        assertThat(note().getText()).contains("Persons figures are incomplete").contains("waits for an administrator");
        // Trends is open to every role and the public profile: the note carries no figure of its own.
        assertThat(note().getText()).doesNotContainPattern("\\d");
        assertThat(UI.getCurrent().getPollInterval())
                .as("nothing runs: no polling")
                .isNegative();
        SpringKaribu.tearDown();
        open(Locale.forLanguageTag("ar"));
        assertThat(note().getText()).contains("أرقام الأشخاص غير مكتملة").doesNotContainPattern("[\\d٠-٩]");
    }
}
