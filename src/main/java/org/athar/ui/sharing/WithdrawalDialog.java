package org.athar.ui.sharing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.athar.search.BadParameterException;
import org.athar.security.Viewer;
import org.athar.sharing.Recipient;
import org.athar.sharing.SharePackage;
import org.athar.sharing.Sharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a withdrawal notice: the recipient, the report ids it must delete (ids the ledger shows it received) and the
 * reason, e.g. that the family withdrew its consent.
 */
class WithdrawalDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalDialog.class);

    private final transient Sharing sharing;
    private final Viewer viewer;
    private final transient Runnable sent;
    private final Select<Recipient> recipient = new Select<>();
    private final TextArea ids = new TextArea();
    private final TextField reason = new TextField();
    private final Paragraph message = new Paragraph();

    WithdrawalDialog(Sharing sharing, Viewer viewer, List<Recipient> recipients, Runnable sent) {
        this.sharing = sharing;
        this.viewer = viewer;
        this.sent = sent;
        setId("sharing-withdrawal-dialog");
        setHeaderTitle(getTranslation("sharing.withdraw.title"));
        recipient.setLabel(getTranslation("sharing.recipient"));
        recipient.setItems(recipients);
        recipient.setItemLabelGenerator(Recipient::name);
        recipient.setId("sharing-withdraw-recipient");
        ids.setLabel(getTranslation("sharing.withdraw.ids"));
        ids.setHelperText(getTranslation("sharing.withdraw.ids.help"));
        ids.setId("sharing-withdraw-ids");
        ids.setWidthFull();
        reason.setLabel(getTranslation("sharing.withdraw.reason"));
        reason.setId("sharing-withdraw-reason");
        reason.setWidthFull();
        message.setId("sharing-withdraw-message");
        add(new Paragraph(getTranslation("sharing.withdraw.intro")), recipient, ids, reason, message);
        Button send = new Button(getTranslation("sharing.withdraw.send"), e -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("sharing-withdraw-send");
        getFooter().add(new Button(getTranslation("sharing.cancel"), e -> close()), send);
    }

    private void send() {
        if (recipient.isEmpty()) {
            message.setText(getTranslation("sharing.recipient.choose"));
            return;
        }
        List<String> list = Arrays.stream(ids.getValue().split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .toList();
        try {
            SharePackage notice = sharing.withdraw(viewer, recipient.getValue().name(), list, reason.getValue());
            close();
            sent.run();
            log.debug("withdrawal {} sent", notice.packageId());
        } catch (BadParameterException e) {
            message.setText(getTranslation(refusalKey(e.parameter(), list.isEmpty())));
        } catch (IOException | RuntimeException e) {
            log.warn("Withdrawal for {} failed", viewer.username(), e);
            message.setText(getTranslation("sharing.failed"));
        }
    }

    /** The message key for a refusal naming {@code parameter} (the API's parameter names, never shown). */
    private static String refusalKey(String parameter, boolean noIds) {
        return switch (parameter) {
            case "reportIds" -> noIds ? "sharing.withdraw.no-ids" : "sharing.withdraw.not-sent";
            case "reason" -> "sharing.withdraw.reason-needed";
            default -> "sharing.recipient.unknown";
        };
    }
}
