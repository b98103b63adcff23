package org.athar.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.AllFinishedEvent;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouterLink;
import elemental.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.athar.AtharIntegrationTest;
import org.athar.i18n.Bidi;
import org.athar.i18n.Messages;
import org.athar.report.Gazetteer;
import org.athar.security.Role;
import org.athar.security.SwitchableViewer;
import org.athar.ui.components.DatePickers;
import org.athar.ui.components.LinkageLabels;
import org.athar.ui.search.SearchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * What an Arabic reader sees and hears server-side (Karibu): the not-found page inside the layout, Arabic names for
 * Vaadin's own controls, day-first date pickers, the upload button back after an upload, the linker's notes.
 */
@Import(SwitchableViewer.Config.class)
class ArabicScreensTest extends AtharIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    SwitchableViewer viewer;

    private void signIn(Role role) {
        viewer.actAs(role);
        SpringKaribu.setUp(context, Set.of(role));
    }

    private static void arabic() {
        UI ui = UI.getCurrent();
        ui.setLocale(Messages.ARABIC);
        ui.getSession().setLocale(Messages.ARABIC);
        ui.setDirection(Direction.RIGHT_TO_LEFT);
    }

    @AfterEach
    void closeBrowserSession() {
        SpringKaribu.tearDown();
        viewer.reset();
    }

    /** What the server would send the browser to run now. */
    private static List<PendingJavaScriptInvocation> pendingScripts() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    @Test
    void an_unknown_address_shows_the_not_found_page_inside_the_layout_in_arabic_with_a_way_back_to_search() {
        signIn(Role.ANALYST);
        arabic();
        UI ui = UI.getCurrent();
        int status = ui.getInternals()
                .getRouter()
                .navigate(ui, new Location("no-such-page"), NavigationTrigger.PROGRAMMATIC);
        assertThat(status).as("HTTP status").isEqualTo(404);
        NotFoundView page = LocatorJ._get(NotFoundView.class);
        assertThat(page.getParent()).get().isInstanceOf(MainLayout.class);
        assertThat(LocatorJ._get(page, H2.class).getText()).isEqualTo("الصفحة غير موجودة");
        assertThat(LocatorJ._get(Paragraph.class, spec -> spec.withId("not-found-body"))
                        .getText())
                .startsWith("لا توجد صفحة")
                .contains(Bidi.FSI + "/no-such-page" + Bidi.PDI);
        RouterLink back = LocatorJ._get(RouterLink.class, spec -> spec.withId("not-found-back"));
        assertThat(back.getText()).isEqualTo("الذهاب إلى البحث");
        assertThat(back.getHref())
                .isEqualTo(com.vaadin.flow.router.RouteConfiguration.forSessionScope()
                        .getUrl(SearchView.class));
    }

    @Test
    void the_drawer_toggle_and_a_password_reveal_button_are_named_in_arabic_on_every_screen() {
        signIn(Role.ANALYST);
        arabic();
        UI.getCurrent().navigate("account");
        DrawerToggle toggle = LocatorJ._get(DrawerToggle.class);
        assertThat(toggle.getElement().getAttribute("aria-label")).isEqualTo("إظهار لوحة التنقل أو إخفاؤها");
        List<PasswordField> passwords = LocatorJ._find(PasswordField.class);
        assertThat(passwords)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(((JsonObject) p.getElement().getPropertyRaw("i18n")).getString("reveal"))
                        .isEqualTo("إظهار كلمة المرور"));
        // Grid sorters and dialogs are made later, in the browser: the page gets the script with the Arabic names.
        AccessibleNames.apply(UI.getCurrent());
        List<PendingJavaScriptInvocation> scripts = pendingScripts();
        assertThat(scripts)
                .anySatisfy(s -> assertThat(s.getInvocation().getParameters().toString())
                        .contains("ترتيب حسب {0}")
                        .contains("خيارات أخرى"));
    }

    @Test
    void date_pickers_read_the_day_first_in_both_languages_with_arabic_month_names_and_saturday_first() {
        signIn(Role.ANALYST);
        DatePicker english = DatePickers.dayFirst(new DatePicker(), Locale.ENGLISH);
        DatePicker arabic = DatePickers.dayFirst(new DatePicker(), Messages.ARABIC);
        for (DatePicker picker : List.of(english, arabic)) {
            String format = picker.getI18n().getDateFormats().get(0);
            assertThat(LocalDate.parse("05/03/2013", DateTimeFormatter.ofPattern(format)))
                    .as("05/03/2013 is 5 March")
                    .isEqualTo(LocalDate.of(2013, 3, 5));
        }
        assertThat(english.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(arabic.getI18n().getFirstDayOfWeek()).isEqualTo(6);
        assertThat(arabic.getI18n().getMonthNames().get(2)).isEqualTo("آذار");
        assertThat(arabic.getI18n().getWeekdays().get(6)).isEqualTo("السبت");
        assertThat(arabic.getI18n().getToday()).isEqualTo("اليوم");
        // The Search filters use the factory.
        UI.getCurrent().navigate("");
        assertThat(LocatorJ._get(DatePicker.class, spec -> spec.withId("filter-from"))
                        .getI18n()
                        .getDateFormats())
                .first()
                .isEqualTo("dd/MM/yyyy");
    }

    @Test
    void the_choose_a_file_button_is_usable_again_as_soon_as_an_upload_has_finished_or_failed() {
        signIn(Role.ADMIN);
        UI.getCurrent().navigate("import");
        Upload upload = LocatorJ._get(Upload.class);
        pendingScripts();
        // The browser reports the end of the upload (success or error) with the same event.
        ComponentUtil.fireEvent(upload, new AllFinishedEvent(upload));
        assertThat(pendingScripts())
                .anySatisfy(s -> assertThat(s.getInvocation().getExpression()).contains("this.files = []"));
    }

    @Test
    void the_linkers_score_explanation_reads_in_arabic_with_its_numbers_kept_whole() {
        signIn(Role.ANALYST);
        arabic();
        LinkageLabels labels = new LinkageLabels(new Span(), Gazetteer.load());
        assertThat(Bidi.strip(labels.note("score 14.83 between 12.0 and 15.0")))
                .isEqualTo("الدرجة 14.83 بين 12.0 و15.0");
        // Plain numbers read correctly inside Arabic as they are (no isolate marks needed); a signed one is isolated.
        assertThat(labels.note("score 14.83 between 12.0 and 15.0"))
                .contains("14.83")
                .doesNotContain("38.41");
        assertThat(Bidi.needsIsolation("+1.5")).isTrue();
        assertThat(Bidi.needsIsolation("12,345")).isFalse();
        assertThat(labels.note("linking would join two reports a reviewer kept apart; review it"))
                .startsWith("الربط");
        assertThat(labels.note("a reviewer's own words")).isEqualTo("a reviewer's own words");
    }
}
