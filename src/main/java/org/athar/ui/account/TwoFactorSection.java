package org.athar.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.athar.security.TwoFactor;

/**
 * Set up two-step sign-in: scan the QR code (or type the secret) into an authenticator app, confirm with a code,
 * then note the ten recovery codes, which are shown this once.
 */
class TwoFactorSection extends VerticalLayout {

    private final TwoFactor twoFactor;
    private final String username;
    private final Runnable afterEnrolment;
    private final Div body = new Div();

    TwoFactorSection(TwoFactor twoFactor, String username, Runnable afterEnrolment) {
        this.twoFactor = twoFactor;
        this.username = username;
        this.afterEnrolment = afterEnrolment;
        setPadding(false);
        setId("two-factor-section");
        add(new H3(getTranslation("account.two-factor.title")), body);
        showStatus();
    }

    private void showStatus() {
        body.removeAll();
        boolean on = twoFactor.isOn(username);
        Paragraph status = new Paragraph(
                on
                        ? getTranslation("account.two-factor.on", twoFactor.recoveryCodesLeft(username))
                        : getTranslation("account.two-factor.off"));
        status.setId("two-factor-status");
        Button setUp = new Button(
                getTranslation(on ? "account.two-factor.again" : "account.two-factor.set-up"),
                e -> showEnrolment(twoFactor.begin(username)));
        setUp.setId("two-factor-set-up");
        if (!on) {
            setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        body.add(status, setUp);
    }

    private void showEnrolment(TwoFactor.Enrolment enrolment) {
        body.removeAll();
        Image qr = new Image(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(enrolment.qrPng()),
                getTranslation("account.two-factor.qr"));
        qr.setId("two-factor-qr");
        qr.addClassName("athar-qr");
        Span secret = new Span(enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
        secret.setId("two-factor-secret");
        secret.addClassName("athar-secret");
        secret.getElement().setAttribute("dir", "ltr");
        TextField code = new TextField(getTranslation("account.two-factor.code"));
        code.setId("two-factor-confirm-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button confirm = new Button(getTranslation("account.two-factor.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("two-factor-confirm");
        confirm.addClickListener(e -> {
            Optional<List<String>> codes = twoFactor.confirm(username, enrolment.secret(), code.getValue());
            if (codes.isEmpty()) {
                code.setErrorMessage(getTranslation("account.two-factor.wrong-code"));
                code.setInvalid(true);
            } else {
                showRecoveryCodes(codes.get());
            }
        });
        Button cancel = new Button(getTranslation("account.cancel"), e -> showStatus());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        body.add(
                new Paragraph(getTranslation("account.two-factor.scan")),
                qr,
                new Paragraph(getTranslation("account.two-factor.or-type")),
                secret,
                code,
                confirm,
                cancel);
    }

    private void showRecoveryCodes(List<String> codes) {
        body.removeAll();
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("athar-recovery-codes");
        list.getElement().setAttribute("dir", "ltr");
        codes.forEach(c -> list.add(new ListItem(c)));
        Button saved = new Button(getTranslation("account.two-factor.saved"), e -> {
            showStatus();
            afterEnrolment.run();
        });
        saved.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saved.setId("recovery-codes-saved");
        Paragraph done = new Paragraph(getTranslation("account.two-factor.done"));
        done.setId("two-factor-done");
        body.add(done, new Paragraph(getTranslation("account.two-factor.recovery")), list, saved);
    }
}
