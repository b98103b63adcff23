package org.athar.ui.login;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.athar.security.Authorities;
import org.athar.ui.LanguageSwitch;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The second step of a sign-in: the six-digit code from the authenticator app, or a recovery code. A plain HTML
 * form posted to {@code /login/code}, so Spring Security checks it like the password (CSRF token, new session id,
 * authentication events). Only a user past the password step can open this page.
 */
@Route("login/code")
@RolesAllowed(Authorities.TWO_FACTOR_PENDING)
@StyleSheet("context://styles/athar.css")
public class TwoFactorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Div error = new Div();

    /** A native {@code <form>}: a browser submits it without any JavaScript of ours. */
    @Tag("form")
    private static final class NativeForm extends Component implements HasComponents {}

    public TwoFactorView(AuthenticationContext authentication) {
        addClassName("athar-login");
        setId("view-two-factor");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        TextField code = new TextField(getTranslation("two-factor.code"));
        code.setId("two-factor-code");
        code.getElement().setAttribute("name", "code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setHelperText(getTranslation("two-factor.code.help"));
        code.setAutofocus(true);
        code.setWidthFull();
        Button submit = new Button(getTranslation("two-factor.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("two-factor-submit");
        submit.setWidthFull();
        // Vaadin's button is not a native submit button: submit the surrounding form in the browser.
        submit.getElement().executeJs("this.addEventListener('click', () => this.closest('form').requestSubmit())");
        NativeForm form = new NativeForm();
        form.getElement().setAttribute("method", "post").setAttribute("action", "login/code");
        form.addClassName("athar-two-factor-form");
        form.add(code, submit);
        csrf().ifPresent(form::add);
        error.setId("two-factor-error");
        error.addClassName("athar-error");
        error.setText(getTranslation("two-factor.error"));
        error.setVisible(false);
        Button cancel = new Button(getTranslation("two-factor.cancel"), e -> authentication.logout());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.setId("two-factor-cancel");
        Paragraph intro = new Paragraph(getTranslation("two-factor.intro"));
        intro.addClassName("athar-muted");
        add(new LanguageSwitch(getLocale()), new H2(getTranslation("two-factor.title")), intro, error, form, cancel);
    }

    // The CSRF token Spring Security checks on the post; set on every request by its CSRF filter.
    private static Optional<Input> csrf() {
        return Optional.ofNullable(VaadinServletRequest.getCurrent())
                .map(r -> r.getHttpServletRequest().getAttribute(CsrfToken.class.getName()))
                .filter(CsrfToken.class::isInstance)
                .map(CsrfToken.class::cast)
                .map(token -> {
                    Input hidden = new Input();
                    hidden.setType("hidden");
                    hidden.getElement().setAttribute("name", token.getParameterName());
                    hidden.getElement().setAttribute("value", token.getToken());
                    return hidden;
                });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        error.setVisible(
                event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("two-factor.title") + " · " + getTranslation("app.name");
    }
}
