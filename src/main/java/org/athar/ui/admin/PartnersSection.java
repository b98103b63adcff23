package org.athar.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import org.athar.security.CurrentViewer;
import org.athar.sharing.InstallationKey;
import org.athar.sharing.Recipient;
import org.athar.sharing.Recipients;
import org.athar.sharing.Sender;
import org.athar.sharing.Senders;

/**
 * Sharing partners: this installation's key (fingerprint, public key, download), the recipients packages go to and the
 * senders whose packages are accepted, each registered through {@link PartnerDialog}.
 */
final class PartnersSection extends Div {

    private final Recipients recipients;
    private final Senders senders;
    private final CurrentViewer viewer;
    private final Grid<Recipient> recipientGrid = new Grid<>();
    private final Grid<Sender> senderGrid = new Grid<>();

    PartnersSection(InstallationKey key, Recipients recipients, Senders senders, CurrentViewer viewer) {
        this.recipients = recipients;
        this.senders = senders;
        this.viewer = viewer;
        setId("admin-partners");
        // AdminView is a VerticalLayout whose children take their content's width: without a definite width the
        // grids and the key block made this section (and the page) wider than the window.
        setWidthFull();
        getStyle().set("min-width", "0");
        Paragraph explain = new Paragraph(getTranslation("partners.explain"));
        explain.addClassName("athar-muted");
        Span fingerprint = new Span(grouped(key.fingerprint()));
        fingerprint.setId("partners-fingerprint");
        fingerprint.getElement().setAttribute("dir", "ltr");
        Pre publicKey = new Pre(key.publicKeyArmoured());
        publicKey.setId("partners-public-key");
        publicKey.getElement().setAttribute("dir", "ltr");
        // The armoured key's 64-character lines are wider than a phone: wrap them rather than widen the page.
        publicKey
                .getStyle()
                .set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere")
                .set("max-width", "100%");
        Anchor download = new Anchor("api/v1/admin/keys/public", getTranslation("partners.key.download"));
        download.setId("partners-key-download");
        download.getElement().setAttribute("download", "athar-public-key.asc");
        download.setRouterIgnore(true);

        Button addRecipient = new Button(
                getTranslation("partners.recipient.add"),
                e -> PartnerDialog.recipient(recipients, viewer, this::refresh).open());
        addRecipient.setId("partners-add-recipient");
        Button addSender = new Button(
                getTranslation("partners.sender.add"),
                e -> PartnerDialog.sender(senders, viewer, this::refresh).open());
        addSender.setId("partners-add-sender");

        add(
                new H3(getTranslation("partners.title")),
                explain,
                new H4(getTranslation("partners.key.title")),
                new Paragraph(getTranslation("partners.key.fingerprint")),
                fingerprint,
                publicKey,
                download,
                new H4(getTranslation("partners.recipients")),
                recipientGrid(),
                addRecipient,
                new H4(getTranslation("partners.senders")),
                senderGrid(),
                addSender);
        refresh();
    }

    /** The fingerprint in groups of four, as GnuPG prints it, so it can be read out over the telephone. */
    static String grouped(String fingerprint) {
        return fingerprint.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private Grid<Recipient> recipientGrid() {
        recipientGrid.setId("partners-recipients");
        recipientGrid
                .addColumn(Recipient::name)
                .setHeader(getTranslation("partners.col.name"))
                .setAutoWidth(true);
        recipientGrid
                .addColumn(r -> getTranslation("partners.fields." + r.fields().code()))
                .setHeader(getTranslation("partners.col.fields"))
                .setAutoWidth(true);
        recipientGrid.addColumn(Recipient::contact).setHeader(getTranslation("partners.col.contact"));
        recipientGrid
                .addColumn(r -> grouped(r.fingerprint()))
                .setHeader(getTranslation("partners.col.fingerprint"))
                .setAutoWidth(true);
        recipientGrid
                .addColumn(r -> AdminView.WHEN.format(r.registeredAt()) + " · " + r.registeredBy())
                .setHeader(getTranslation("partners.col.registered"))
                .setAutoWidth(true);
        recipientGrid.setAllRowsVisible(true);
        recipientGrid.setWidthFull();
        return recipientGrid;
    }

    private Grid<Sender> senderGrid() {
        senderGrid.setId("partners-senders");
        senderGrid
                .addColumn(Sender::name)
                .setHeader(getTranslation("partners.col.name"))
                .setAutoWidth(true);
        senderGrid
                .addColumn(s -> grouped(s.fingerprint()))
                .setHeader(getTranslation("partners.col.fingerprint"))
                .setAutoWidth(true);
        senderGrid
                .addColumn(s -> AdminView.WHEN.format(s.registeredAt()) + " · " + s.registeredBy())
                .setHeader(getTranslation("partners.col.registered"))
                .setAutoWidth(true);
        senderGrid.setAllRowsVisible(true);
        senderGrid.setWidthFull();
        return senderGrid;
    }

    void refresh() {
        recipientGrid.setItems(recipients.list());
        senderGrid.setItems(senders.list());
    }
}
