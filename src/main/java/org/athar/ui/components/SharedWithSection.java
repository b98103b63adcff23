package org.athar.ui.components;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.sharing.LedgerEntry;
import org.athar.sharing.Sharing;

/**
 * A report page's "Shared with": the ledger entries naming the report (packages that carried it, withdrawal notices
 * that recalled it), for viewers who may prepare sharing; nothing at all for the others.
 */
public class SharedWithSection extends Div {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public SharedWithSection(Sharing sharing, Viewer viewer, String reportId) {
        setId("report-shared-with");
        if (!viewer.can(Permission.PREPARE_SHARE)) {
            setVisible(false);
            return;
        }
        add(new H3(getTranslation("report.shared-with")));
        try {
            List<LedgerEntry> entries = sharing.sharedWith(viewer, reportId);
            if (entries.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("report.shared-with.none"));
                none.addClassName("athar-muted");
                add(none);
                return;
            }
            UnorderedList list = new UnorderedList();
            entries.forEach(e -> list.add(new ListItem(getTranslation(
                    "report.shared-with." + e.kind().code(),
                    e.recipient(),
                    WHEN.format(e.at()),
                    e.by(),
                    e.packageId()))));
            add(list);
        } catch (RuntimeException e) {
            // The report is shown whatever the ledger says; a fixed sentence instead of the list.
            Paragraph failed = new Paragraph(getTranslation("report.shared-with.failed"));
            failed.addClassName("athar-muted");
            add(failed);
        }
    }
}
