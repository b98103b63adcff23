package org.athar.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import org.athar.security.InvalidUserException;
import org.athar.security.UserStoreException;
import org.athar.security.Users;

/** Change one's own password, proving the current one. */
class PasswordSection extends VerticalLayout {

    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    PasswordSection(Users users, String username) {
        setPadding(false);
        setId("password-section");
        current.setLabel(getTranslation("account.password.current"));
        current.setId("password-current");
        next.setLabel(getTranslation("account.password.new"));
        next.setHelperText(getTranslation("account.password.help"));
        next.setId("password-new");
        repeat.setLabel(getTranslation("account.password.repeat"));
        repeat.setId("password-repeat");
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidth("24rem");
            f.getElement().setAttribute("autocomplete", f == current ? "current-password" : "new-password");
        }
        Button change = new Button(getTranslation("account.password.change"), e -> change(users, username));
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.setId("password-change");
        add(new H3(getTranslation("account.password.title")), current, next, repeat, change);
    }

    private void change(Users users, String username) {
        current.setInvalid(false);
        next.setInvalid(false);
        repeat.setInvalid(false);
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("account.password.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(username, current.getValue(), next.getValue());
            current.clear();
            next.clear();
            repeat.clear();
            Notification.show(getTranslation("account.password.changed"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidUserException e) {
            PasswordField field = "currentPassword".equals(e.field()) ? current : next;
            field.setErrorMessage(getTranslation("user.invalid." + e.reason().code()));
            field.setInvalid(true);
        } catch (UserStoreException e) {
            Notification.show(getTranslation("account.unavailable")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
