package org.athar.ui.sharing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.sharing.PackageState;
import org.athar.sharing.SharePackage;
import org.athar.sharing.Sharing;

/** Drafts, sent packages and withdrawal notices, newest first: an administrator sends drafts and downloads files. */
class PackagesGrid extends Grid<SharePackage> {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final transient Sharing sharing;
    private final Viewer viewer;
    private final transient Consumer<SharePackage> send;

    PackagesGrid(Sharing sharing, Viewer viewer, Consumer<SharePackage> send) {
        this.sharing = sharing;
        this.viewer = viewer;
        this.send = send;
        setId("sharing-packages");
        setAllRowsVisible(true);
        addColumn(SharePackage::packageId)
                .setHeader(getTranslation("sharing.column.id"))
                .setAutoWidth(true);
        addColumn(p -> getTranslation("sharing.kind." + p.kind().code()))
                .setHeader(getTranslation("sharing.column.kind"));
        addColumn(SharePackage::recipient).setHeader(getTranslation("sharing.column.recipient"));
        addColumn(p -> getTranslation("sharing.state." + p.state().code()))
                .setHeader(getTranslation("sharing.column.state"));
        addColumn(p -> String.format(getLocale(), "%,d", p.reports()))
                .setHeader(getTranslation("sharing.column.reports"));
        addColumn(p -> WHEN.format(p.createdAt()) + " · " + p.createdBy())
                .setHeader(getTranslation("sharing.column.created"))
                .setAutoWidth(true);
        addComponentColumn(this::action).setHeader(getTranslation("sharing.column.action"));
    }

    void refresh() {
        setItems(sharing.packages(viewer));
    }

    private Component action(SharePackage p) {
        if (!viewer.can(Permission.SHARE)) {
            return new Span();
        }
        if (p.state() == PackageState.DRAFT) {
            Button b = new Button(getTranslation("sharing.send-draft"), e -> send.accept(p));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            b.setId("sharing-send-" + p.packageId());
            return b;
        }
        Anchor a = new Anchor(
                new SealedDownload(sharing, viewer, p.packageId(), p.fileName(), getTranslation("sharing.gone")),
                getTranslation("sharing.download"));
        a.getElement().setAttribute("download", true);
        a.setId("sharing-download-" + p.packageId());
        return a;
    }
}
