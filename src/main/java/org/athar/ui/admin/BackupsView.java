package org.athar.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.athar.backup.Backup;
import org.athar.backup.BackupException;
import org.athar.backup.Backups;
import org.athar.security.ClientAddress;
import org.athar.security.CurrentViewer;
import org.athar.ui.MainLayout;

/** Backups: take one now, see them with their state, restore one after typing its name (as the backups API). */
@RolesAllowed("ADMINISTER")
@Route(value = "admin/backups", layout = MainLayout.class)
public class BackupsView extends VerticalLayout implements HasDynamicTitle {

    private final Backups backups;
    private final CurrentViewer viewer;
    private final Grid<Backup> grid = new Grid<>();
    private final Paragraph problem = new Paragraph();

    public BackupsView(Backups backups, CurrentViewer viewer) {
        this.backups = backups;
        this.viewer = viewer;
        addClassName("athar-view");
        setId("view-backups");
        Button start = new Button(getTranslation("backup.start"), e -> start());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("backup-start");
        Button refresh = new Button(getTranslation("backup.refresh"), e -> refresh());
        refresh.setId("backup-refresh");
        problem.addClassName("athar-error");
        problem.setId("backup-problem");
        add(
                new H2(getTranslation("view.backups.title")),
                new Paragraph(getTranslation("backup.intro")),
                new HorizontalLayout(start, refresh),
                problem,
                grid());
        refresh();
    }

    private Grid<Backup> grid() {
        grid.setId("backups");
        grid.addColumn(Backup::name)
                .setHeader(getTranslation("backup.col.name"))
                .setAutoWidth(true);
        grid.addColumn(b -> AdminView.WHEN.format(b.startedAt()))
                .setHeader(getTranslation("backup.col.started"))
                .setAutoWidth(true);
        grid.addColumn(b -> getTranslation(b.state().messageKey()))
                .setHeader(getTranslation("backup.col.state"))
                .setAutoWidth(true);
        grid.addColumn(b -> b.reports()
                        .map(r -> String.format(Locale.ROOT, "%,d", r))
                        .orElse(""))
                .setHeader(getTranslation("backup.col.reports"))
                .setAutoWidth(true);
        grid.addColumn(b -> Integer.toString(b.indices().size()))
                .setHeader(getTranslation("backup.col.indices"))
                .setAutoWidth(true);
        grid.addColumn(b -> getTranslation(b.isSafetySnapshot() ? "backup.kind.safety" : "backup.kind.backup"))
                .setHeader(getTranslation("backup.col.kind"))
                .setAutoWidth(true);
        grid.addComponentColumn(b -> {
            Button restore = new Button(getTranslation("backup.restore"), e -> new RestoreDialog(b).open());
            restore.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            restore.setId("restore-" + b.name());
            restore.setEnabled(b.state() == Backup.State.SUCCESS);
            return restore;
        });
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void start() {
        try {
            String name = backups.start(viewer.get(), ClientAddress.current());
            Notification.show(getTranslation("backup.started", name))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (BackupException e) {
            show(e);
        }
    }

    void refresh() {
        problem.setText("");
        try {
            grid.setItems(backups.list(viewer.get()));
        } catch (BackupException e) {
            grid.setItems(List.of());
            show(e);
        }
    }

    private void show(BackupException e) {
        problem.setText(getTranslation("backup.error." + e.kind().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.backups.title") + " · " + getTranslation("app.name");
    }

    /** Restoring replaces live data: the administrator types the backup's name to confirm. */
    private final class RestoreDialog extends Dialog {

        RestoreDialog(Backup backup) {
            setHeaderTitle(getTranslation("backup.restore.title", backup.name()));
            setId("restore-dialog");
            var confirm = new TextField(getTranslation("backup.restore.confirm", backup.name()));
            confirm.setId("restore-confirm");
            confirm.setWidthFull();
            var audit = new Checkbox(getTranslation("backup.restore.audit"));
            audit.setId("restore-audit");
            Paragraph failed = new Paragraph();
            failed.addClassName("athar-error");
            failed.setId("restore-problem");
            add(new VerticalLayout(new Paragraph(getTranslation("backup.restore.explain")), confirm, audit, failed));
            Button go = new Button(getTranslation("backup.restore.submit"));
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            go.setId("restore-submit");
            go.setEnabled(false);
            confirm.setValueChangeMode(ValueChangeMode.EAGER);
            confirm.addValueChangeListener(
                    e -> go.setEnabled(backup.name().equals(e.getValue().strip())));
            go.addClickListener(e -> {
                try {
                    var result = backups.restore(
                            viewer.get(), ClientAddress.current(), backup.name(), confirm.getValue(), audit.getValue());
                    close();
                    Notification.show(getTranslation(
                                    "backup.restored",
                                    backup.name(),
                                    Long.toString(result.reports()),
                                    result.safetySnapshot()))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (BackupException ex) {
                    failed.setText(
                            getTranslation("backup.error." + ex.kind().name().toLowerCase(Locale.ROOT)));
                }
            });
            Button cancel = new Button(getTranslation("account.cancel"), e -> close());
            cancel.setId("restore-cancel");
            getFooter().add(cancel, go);
        }
    }
}
