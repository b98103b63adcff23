package org.athar.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.athar.security.CurrentViewer;
import org.athar.sharing.RecipientFields;
import org.athar.sharing.Recipients;
import org.athar.sharing.RegistrationConflictException;
import org.athar.sharing.RegistrationException;
import org.athar.sharing.Senders;

/** Registers a recipient (name, contact, public key, fields) or a sender (name, public key). */
final class PartnerDialog extends Dialog {

    /** Registers what the fields hold; returns the registered name. */
    private interface Register {
        String register(PartnerDialog dialog);
    }

    private final TextField name = new TextField();
    private final TextField contact = new TextField();
    private final TextArea publicKey = new TextArea();
    private final RadioButtonGroup<RecipientFields> fields = new RadioButtonGroup<>();

    private PartnerDialog(String kind, boolean recipient, Register register, Runnable afterSave) {
        setHeaderTitle(getTranslation("partners." + kind + ".add"));
        setId("partner-dialog");
        name.setLabel(getTranslation("partners.col.name"));
        name.setHelperText(getTranslation("partners." + kind + ".name.help"));
        name.setId("partner-name");
        name.setWidthFull();
        contact.setLabel(getTranslation("partners.col.contact"));
        contact.setId("partner-contact");
        contact.setWidthFull();
        contact.setVisible(recipient);
        publicKey.setLabel(getTranslation("partners.col.public-key"));
        publicKey.setHelperText(getTranslation("partners.public-key.help"));
        publicKey.setId("partner-public-key");
        publicKey.setWidthFull();
        publicKey.setMinHeight("12em");
        publicKey.getElement().setAttribute("dir", "ltr");
        fields.setLabel(getTranslation("partners.col.fields"));
        fields.setItems(RecipientFields.values());
        fields.setItemLabelGenerator(f -> getTranslation("partners.fields." + f.code()));
        fields.setValue(RecipientFields.PSEUDONYMISED);
        fields.setId("partner-fields");
        fields.setVisible(recipient);
        VerticalLayout form = new VerticalLayout(name, contact, publicKey, fields);
        form.setWidth("40em");
        form.setMaxWidth("100%");
        add(form);
        Button save = new Button(getTranslation("partners.register"), e -> save(kind, register, afterSave));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("partner-save");
        Button cancel = new Button(getTranslation("partners.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    static PartnerDialog recipient(Recipients recipients, CurrentViewer viewer, Runnable afterSave) {
        return new PartnerDialog(
                "recipient",
                true,
                d -> recipients
                        .register(
                                viewer.get(),
                                d.name.getValue(),
                                d.contact.getValue(),
                                d.publicKey.getValue(),
                                d.fields.getValue() == null
                                        ? ""
                                        : d.fields.getValue().code())
                        .name(),
                afterSave);
    }

    static PartnerDialog sender(Senders senders, CurrentViewer viewer, Runnable afterSave) {
        return new PartnerDialog(
                "sender",
                false,
                d -> senders.register(viewer.get(), d.name.getValue(), d.publicKey.getValue())
                        .name(),
                afterSave);
    }

    private void save(String kind, Register register, Runnable afterSave) {
        name.setInvalid(false);
        contact.setInvalid(false);
        publicKey.setInvalid(false);
        fields.setInvalid(false);
        try {
            String registered = register.register(this);
            close();
            afterSave.run();
            Notification.show(getTranslation("partners." + kind + ".registered", registered))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RegistrationException e) {
            // A sender's key must sign, a recipient's must encrypt: the advice differs.
            String suffix = e.field().equals("publicKey") ? "." + kind : "";
            mark(e.field(), getTranslation("partners.invalid." + e.field() + suffix));
        } catch (RegistrationConflictException e) {
            mark(e.field(), getTranslation("partners.conflict." + e.field()));
        }
    }

    private void mark(String field, String message) {
        switch (field) {
            case "name" -> {
                name.setErrorMessage(message);
                name.setInvalid(true);
            }
            case "contact" -> {
                contact.setErrorMessage(message);
                contact.setInvalid(true);
            }
            case "fields" -> {
                fields.setErrorMessage(message);
                fields.setInvalid(true);
            }
            default -> {
                publicKey.setErrorMessage(message);
                publicKey.setInvalid(true);
            }
        }
    }
}
