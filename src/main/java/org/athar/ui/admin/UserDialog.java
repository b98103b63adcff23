package org.athar.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Optional;
import org.athar.security.CurrentViewer;
import org.athar.security.InvalidUserException;
import org.athar.security.Role;
import org.athar.security.UserConflictException;
import org.athar.security.UserSummary;
import org.athar.security.UserUpdate;
import org.athar.security.Users;

/** Change one user: roles, enabled, a new password, turning two factors off. */
class UserDialog extends Dialog {

    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final Checkbox enabled = new Checkbox();
    private final PasswordField password = new PasswordField();
    private final Checkbox resetTwoFactor = new Checkbox();
    private final Paragraph problem = new Paragraph();

    UserDialog(Users users, CurrentViewer viewer, UserSummary user, Runnable afterSave) {
        setHeaderTitle(getTranslation("admin.edit.title", user.username()));
        setId("user-dialog");
        roles.setLabel(getTranslation("admin.col.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setValue(user.roles());
        roles.setId("edit-roles");
        enabled.setLabel(getTranslation("admin.enabled.label"));
        enabled.setValue(user.enabled());
        enabled.setId("edit-enabled");
        password.setLabel(getTranslation("admin.reset-password"));
        password.setHelperText(getTranslation("admin.reset-password.help"));
        password.getElement().setAttribute("autocomplete", "new-password");
        password.setId("edit-password");
        resetTwoFactor.setLabel(getTranslation("admin.reset-two-factor"));
        resetTwoFactor.setVisible(user.twoFactor());
        problem.addClassName("athar-error");
        problem.setId("edit-problem");
        add(new VerticalLayout(roles, enabled, password, resetTwoFactor, problem));
        Button save = new Button(getTranslation("admin.save"), e -> {
            UserUpdate update = new UserUpdate(
                    Optional.of(roles.getValue()),
                    Optional.of(enabled.getValue()),
                    Optional.of(password.getValue()).filter(p -> !p.isEmpty()),
                    resetTwoFactor.getValue());
            try {
                users.update(viewer.get(), user.username(), update);
                close();
                afterSave.run();
            } catch (InvalidUserException ex) {
                problem.setText(getTranslation("user.invalid." + ex.reason().code()));
            } catch (UserConflictException ex) {
                problem.setText(getTranslation("user.conflict." + ex.kind().code()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("edit-save");
        Button cancel = new Button(getTranslation("account.cancel"), e -> close());
        getFooter().add(cancel, save);
    }
}
