package org.athar.ui.login;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.athar.security.AtharSecurityProperties;
import org.athar.security.WebSignIn;
import org.athar.ui.LanguageSwitch;

/**
 * The sign-in page, in English or Arabic (right-to-left), with the language switch. A refusal never says whether
 * the username exists; after repeated failures from one address it says to wait, and a form sent without its CSRF
 * token (e.g. after the session expired) is asked again. Vaadin's form reads the token from the page's
 * {@code _csrf} meta tags, which Vaadin writes into every page.
 */
@Route("login")
@AnonymousAllowed
@StyleSheet("context://styles/athar.css")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView(AtharSecurityProperties properties) {
        addClassName("athar-login");
        setId("view-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("athar-brand");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassName("athar-tagline");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        this.throttle = properties.throttle();
        form.setI18n(
                i18n(getTranslation("login.error.title"), getTranslation("login.error.body", throttle.freeFailures())));
        form.setId("login-form");
        Paragraph note = new Paragraph(getTranslation("login.note"));
        note.addClassName("athar-muted");
        note.addClassName("athar-login-note");
        add(new LanguageSwitch(getLocale()), brand, tagline, form, note);
    }

    private final AtharSecurityProperties.Throttle throttle;

    private LoginI18n i18n(String errorTitle, String errorBody) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form text = i18n.getForm();
        text.setTitle(getTranslation("login.title"));
        text.setUsername(getTranslation("login.username"));
        text.setPassword(getTranslation("login.password"));
        text.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(errorTitle);
        error.setMessage(errorBody);
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        String title = getTranslation("login.error.title");
        String body = getTranslation("login.error.body", throttle.freeFailures());
        if (parameters.containsKey("unavailable")) {
            title = getTranslation("login.unavailable.title");
            body = getTranslation("login.unavailable.body");
        } else if (parameters.containsKey(WebSignIn.SLOWED_DOWN)) {
            title = getTranslation("login.wait.title");
            body = getTranslation("login.wait.body", throttle.maxDelay().toMinutes());
        } else if (parameters.containsKey(WebSignIn.EXPIRED)) {
            title = getTranslation("login.expired.title");
            body = getTranslation("login.expired.body");
        }
        form.setI18n(i18n(title, body));
        form.setError(parameters.containsKey("unavailable")
                || parameters.containsKey(WebSignIn.REFUSED)
                || parameters.containsKey(WebSignIn.SLOWED_DOWN)
                || parameters.containsKey(WebSignIn.EXPIRED));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
