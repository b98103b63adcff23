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
import org.athar.ui.LanguageSwitch;

/**
 * The sign-in page, in English or Arabic (right-to-left), with the language switch. After repeated failures it
 * says how the lockout works, never whether the username exists.
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
        this.lockout = properties.lockout();
        form.setI18n(i18n(lockout));
        form.setId("login-form");
        Paragraph note = new Paragraph(getTranslation("login.note"));
        note.addClassName("athar-muted");
        note.addClassName("athar-login-note");
        add(new LanguageSwitch(getLocale()), brand, tagline, form, note);
    }

    private final AtharSecurityProperties.Lockout lockout;

    private LoginI18n i18n(AtharSecurityProperties.Lockout lockout) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form text = i18n.getForm();
        text.setTitle(getTranslation("login.title"));
        text.setUsername(getTranslation("login.username"));
        text.setPassword(getTranslation("login.password"));
        text.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.body", lockout.maxFailures(), lockout.duration().toMinutes()));
        i18n.setErrorMessage(error);
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        boolean unavailable = parameters.containsKey("unavailable");
        LoginI18n i18n = i18n(lockout);
        if (unavailable) {
            i18n.getErrorMessage().setTitle(getTranslation("login.unavailable.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.unavailable.body"));
        }
        form.setI18n(i18n);
        form.setError(unavailable || parameters.containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
