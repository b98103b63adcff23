package org.athar.ui.sharing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.util.List;
import org.athar.chart.ChartService;
import org.athar.report.Gazetteer;
import org.athar.search.BadParameterException;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.sharing.Recipient;
import org.athar.sharing.Recipients;
import org.athar.sharing.SendJobs;
import org.athar.sharing.SharePackage;
import org.athar.sharing.SharePreview;
import org.athar.sharing.Sharing;
import org.athar.ui.MainLayout;
import org.athar.ui.components.FilterBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sharing: choose a registered recipient and the search filters, see how many reports will go and how many are held
 * back for consent, and send (administrators, in the background with progress, ending in a download link) or prepare
 * a draft (analysts) that an administrator sends from the list. Administrators also see the ledger and send
 * withdrawal notices.
 */
@RolesAllowed("PREPARE_SHARE")
@Menu(title = "nav.sharing", order = 5.5, icon = "vaadin:share")
@Route(value = "sharing", layout = MainLayout.class)
public class SharingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SharingView.class);

    private final transient Sharing sharing;
    private final transient Gazetteer gazetteer;
    private final transient SendJobs jobs;
    private final Viewer viewer;
    private final Select<Recipient> recipient = new Select<>();
    private final FilterBar filters;
    private final Paragraph preview = new Paragraph();
    private final Button send = new Button();
    private final Button draft = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div result = new Div();
    private final PackagesGrid packages;
    private final LedgerGrid ledger;
    private ReportQuery query = ReportQuery.all();
    private Registration polling;

    public SharingView(
            Sharing sharing,
            SendJobs jobs,
            Recipients recipients,
            ChartService charts,
            Gazetteer gazetteer,
            CurrentViewer currentViewer) {
        this.sharing = sharing;
        this.gazetteer = gazetteer;
        this.jobs = jobs;
        this.viewer = currentViewer.get();
        viewer.require(Permission.PREPARE_SHARE);
        addClassName("athar-view");
        setId("view-sharing");
        List<Recipient> registered = recipients.list();
        recipient.setLabel(getTranslation("sharing.recipient"));
        recipient.setId("sharing-recipient");
        // Wide enough for "name (fields: with names)"; never wider than a phone.
        recipient.setWidth("min(100%, 30rem)");
        recipient.setItems(registered);
        recipient.setItemLabelGenerator(r -> getTranslation(
                "sharing.recipient.item",
                r.name(),
                getTranslation("sharing.fields." + r.fields().code())));
        recipient.setEmptySelectionAllowed(false);
        recipient.addValueChangeListener(e -> updatePreview());
        filters = FilterBar.forFigures(gazetteer, () -> sources(charts), viewer);
        filters.addChangeListener(q -> {
            query = q;
            updatePreview();
            getUI().ifPresent(ui -> ui.getPage()
                    .getHistory()
                    .replaceState(null, new Location("sharing", new QueryParameters(ReportQueryParser.format(q)))));
        });
        preview.setId("sharing-preview");
        send.setText(getTranslation("sharing.send"));
        send.setIcon(VaadinIcon.PAPERPLANE.create());
        send.setId("sharing-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setVisible(viewer.can(Permission.SHARE));
        send.addClickListener(e -> sendNow());
        draft.setText(getTranslation("sharing.draft"));
        draft.setId("sharing-draft");
        draft.addClickListener(e -> prepareDraft());
        progress.setId("sharing-progress");
        progress.setVisible(false);
        status.setId("sharing-status");
        result.setId("sharing-result");
        packages = new PackagesGrid(sharing, viewer, this::startSend);
        ledger = new LedgerGrid(sharing, viewer);
        Paragraph intro = new Paragraph(getTranslation("view.sharing.intro"));
        intro.addClassName("athar-muted");
        Div buttons = new Div(send, draft);
        buttons.addClassName("athar-export-buttons");
        add(new H2(getTranslation("view.sharing.title")), intro);
        if (registered.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("sharing.no-recipients"));
            none.setId("sharing-no-recipients");
            add(none);
        }
        add(recipient, filters.textField(), filters, preview, buttons, progress, status, result);
        add(new H3(getTranslation("sharing.packages")), packages);
        if (viewer.can(Permission.SHARE)) {
            Button withdraw = new Button(
                    getTranslation("sharing.withdraw.open"),
                    e -> new WithdrawalDialog(sharing, viewer, registered, this::refresh).open());
            withdraw.setId("sharing-withdraw");
            add(new H3(getTranslation("sharing.ledger")), withdraw, ledger);
        }
        updatePreview();
        refresh();
    }

    private void updatePreview() {
        boolean chosen = !recipient.isEmpty();
        send.setEnabled(chosen);
        draft.setEnabled(chosen);
        if (!chosen) {
            preview.setText(getTranslation("sharing.recipient.choose"));
            return;
        }
        try {
            SharePreview p = sharing.preview(viewer, recipient.getValue().name(), query);
            preview.setText(getTranslation(
                    "sharing.preview",
                    format(p.reports()),
                    format(p.withheld().noConsent()),
                    format(p.withheld().unknownConsent()),
                    format(p.withheld().otherRecipients())));
        } catch (IOException | RuntimeException e) {
            log.warn("Sharing preview for {} failed", viewer.username(), e);
            preview.setText(getTranslation("sharing.failed"));
        }
    }

    private void prepareDraft() {
        try {
            SharePackage p = sharing.prepare(viewer, recipient.getValue().name(), query, true);
            status.setText(getTranslation("sharing.drafted", p.packageId(), format(p.reports())));
            refresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Preparing a package for {} failed", viewer.username(), e);
            status.setText(getTranslation("sharing.failed"));
        }
    }

    /** An administrator's send: a draft of the current choice, sent at once in the background. */
    private void sendNow() {
        try {
            startSend(sharing.prepare(viewer, recipient.getValue().name(), query, true));
        } catch (IOException | RuntimeException e) {
            log.warn("Preparing a package for {} failed", viewer.username(), e);
            status.setText(getTranslation("sharing.failed"));
        }
    }

    private void startSend(SharePackage p) {
        UI ui = UI.getCurrent();
        result.removeAll();
        SendJobs.Status started = jobs.start(viewer, p);
        setBusy(true);
        show(started);
        ui.setPollInterval(500);
        polling = ui.addPollListener(e -> jobs.status(viewer, started.id()).ifPresent(this::show));
    }

    private void show(SendJobs.Status s) {
        progress.setVisible(s.state() == SendJobs.State.RUNNING);
        progress.setValue(s.fraction());
        switch (s.state()) {
            case RUNNING ->
                status.setText(
                        getTranslation("sharing.sending", s.packageId(), format(s.written()), format(s.total())));
            case DONE -> {
                stopPolling();
                SharePackage sent = s.sent().orElseThrow();
                status.setText(getTranslation("sharing.sent", sent.packageId(), format(sent.reports())));
                Anchor download = new Anchor(
                        new SealedDownload(
                                sharing, viewer, sent.packageId(), sent.fileName(), getTranslation("sharing.gone")),
                        getTranslation("sharing.download.file", sent.fileName()));
                download.setId("sharing-download");
                download.getElement().setAttribute("download", true);
                result.add(download);
                refresh();
            }
            case FAILED -> {
                stopPolling();
                status.setText(getTranslation("sharing.failed"));
                refresh();
            }
        }
    }

    private void refresh() {
        packages.refresh();
        if (viewer.can(Permission.SHARE)) {
            ledger.refresh();
        }
    }

    private void setBusy(boolean busy) {
        send.setEnabled(!busy);
        draft.setEnabled(!busy);
    }

    private void stopPolling() {
        setBusy(false);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private List<String> sources(ChartService charts) {
        try {
            return charts.sources(viewer);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private String format(long n) {
        return String.format(getLocale(), "%,d", n);
    }

    /** The filters come from the address, as on Search and Exports (a link from Search keeps its filters). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            query = ReportQueryParser.parse(
                    event.getLocation().getQueryParameters().getParameters(), gazetteer);
            if (!viewer.can(Permission.SEE_IDENTITIES)) {
                query = query.withoutText();
            }
        } catch (BadParameterException e) {
            query = ReportQuery.all();
            status.setText(getTranslation("search.bad-url", e.getMessage()));
        }
        filters.setValue(query);
        updatePreview();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.sharing.title") + " · " + getTranslation("app.name");
    }
}
