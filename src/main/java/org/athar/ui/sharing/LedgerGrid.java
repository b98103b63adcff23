package org.athar.ui.sharing;

import com.vaadin.flow.component.grid.Grid;
import org.athar.security.Viewer;
import org.athar.sharing.LedgerEntry;
import org.athar.sharing.Sharing;

/** The sharing ledger, newest first: every package and withdrawal notice that left (administrators only). */
class LedgerGrid extends Grid<LedgerEntry> {

    private final transient Sharing sharing;
    private final Viewer viewer;

    LedgerGrid(Sharing sharing, Viewer viewer) {
        this.sharing = sharing;
        this.viewer = viewer;
        setId("sharing-ledger");
        setAllRowsVisible(true);
        addColumn(e -> PackagesGrid.WHEN.format(e.at()))
                .setHeader(getTranslation("sharing.column.at"))
                .setAutoWidth(true);
        addColumn(LedgerEntry::by).setHeader(getTranslation("sharing.column.by"));
        addColumn(e -> getTranslation("sharing.kind." + e.kind().code()))
                .setHeader(getTranslation("sharing.column.kind"));
        addColumn(LedgerEntry::recipient).setHeader(getTranslation("sharing.column.recipient"));
        addColumn(e -> String.format(getLocale(), "%,d", e.reports()))
                .setHeader(getTranslation("sharing.column.reports"));
        addColumn(e -> e.reason().orElse(e.filter())).setHeader(getTranslation("sharing.column.filter"));
        addColumn(LedgerEntry::packageId)
                .setHeader(getTranslation("sharing.column.id"))
                .setAutoWidth(true);
        addColumn(LedgerEntry::sha256).setHeader(getTranslation("sharing.column.sha256"));
    }

    void refresh() {
        setItems(sharing.ledger(viewer));
    }
}
