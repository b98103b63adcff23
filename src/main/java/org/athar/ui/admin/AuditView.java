package org.athar.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.athar.security.AuditAction;
import org.athar.security.AuditEntry;
import org.athar.security.AuditEntry.Outcome;
import org.athar.security.AuditFilter;
import org.athar.security.AuditLog;
import org.athar.security.CurrentViewer;
import org.athar.security.Permission;
import org.athar.security.Viewer;
import org.athar.ui.MainLayout;
import org.athar.ui.components.DatePickers;

/**
 * The audit log for administrators: newest first in a lazy grid, filtered by user, action, outcome and days (UTC),
 * and downloadable as CSV through the API (which records that download in the log).
 */
@RolesAllowed("ADMINISTER")
@Route(value = "admin/audit", layout = MainLayout.class)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    /** How deep the grid pages (the engine's offset window); the CSV holds every entry. */
    static final int WINDOW = 10_000;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final AuditLog audit;
    private final Viewer viewer;
    private final TextField user = new TextField();
    private final ComboBox<AuditAction> action = new ComboBox<>();
    private final ComboBox<Outcome> outcome = new ComboBox<>();
    private final DatePicker from = DatePickers.dayFirst();
    private final DatePicker to = DatePickers.dayFirst();
    private final Span count = new Span();
    private final Anchor export = new Anchor();
    private final Grid<AuditEntry> grid = new Grid<>();
    private AuditFilter filter = AuditFilter.all();
    private long lastTotal;

    public AuditView(AuditLog audit, CurrentViewer viewers) {
        this.audit = audit;
        this.viewer = viewers.get();
        addClassName("athar-view");
        setId("view-audit");
        add(new H2(getTranslation("view.audit.title")));
        if (!viewer.can(Permission.ADMINISTER)) {
            Paragraph denied = new Paragraph(getTranslation("audit.denied"));
            denied.setId("audit-denied");
            add(denied);
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("audit.intro"));
        intro.addClassName("athar-muted");
        count.setId("audit-count");
        count.addClassName("athar-result-count");
        export.setText(getTranslation("audit.export"));
        export.setId("audit-export");
        export.getElement().setAttribute("download", true);
        HorizontalLayout summary = new HorizontalLayout(count, export);
        summary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(intro, filters(), summary, grid());
        setFlexGrow(1, grid);
        setHeightFull();
        changed();
    }

    private Component filters() {
        user.setLabel(getTranslation("audit.filter.user"));
        user.setId("audit-user");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation(a.messageKey()));
        action.setClearButtonVisible(true);
        outcome.setLabel(getTranslation("audit.filter.outcome"));
        outcome.setId("audit-outcome");
        outcome.setItems(Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation(o.messageKey()));
        outcome.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-to");
        user.addValueChangeListener(e -> changed());
        action.addValueChangeListener(e -> changed());
        outcome.addValueChangeListener(e -> changed());
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        Stream.<HasSize>of(user, action, outcome, from, to).forEach(field -> field.setWidth("11rem"));
        FlexLayout bar = new FlexLayout(user, action, outcome, from, to);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.addClassName("athar-filters");
        return bar;
    }

    private Grid<AuditEntry> grid() {
        grid.setId("audit-grid");
        grid.addColumn(e -> WHEN.format(e.time()))
                .setHeader(getTranslation("audit.col.time"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::username)
                .setHeader(getTranslation("audit.col.user"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::clientAddress)
                .setHeader(getTranslation("audit.col.address"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation(e.action().messageKey()))
                .setHeader(getTranslation("audit.col.action"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation(e.outcome().messageKey()))
                .setHeader(getTranslation("audit.col.outcome"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // Details are key=value pairs: left-to-right even on an Arabic page, wrapped rather than cut.
        grid.addComponentColumn(e -> {
                    Span details = new Span(e.details().entrySet().stream()
                            .map(d -> d.getKey() + "=" + d.getValue())
                            .collect(Collectors.joining("; ")));
                    details.getElement().setAttribute("dir", "ltr");
                    details.addClassName("athar-audit-details");
                    return details;
                })
                .setHeader(getTranslation("audit.col.details"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(
                q -> {
                    try {
                        return audit.find(viewer, filter, q.getOffset(), q.getLimit()).entries().stream();
                    } catch (IOException | RuntimeException e) {
                        failed(e);
                        return Stream.empty();
                    }
                },
                q -> (int) Math.min(lastTotal, WINDOW));
        grid.setWidthFull();
        return grid;
    }

    private void changed() {
        Optional<LocalDate> start = Optional.ofNullable(from.getValue());
        Optional<LocalDate> end = Optional.ofNullable(to.getValue());
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("audit.filter.to.before"));
            return;
        }
        to.setInvalid(false);
        filter = new AuditFilter(
                Optional.ofNullable(user.getValue()),
                Optional.ofNullable(action.getValue()),
                Optional.ofNullable(outcome.getValue()),
                start.map(AuditView::startOf),
                end.map(d -> startOf(d.plusDays(1))),
                Optional.empty());
        try {
            lastTotal = audit.count(viewer, filter);
            count.setText(getTranslation("audit.count", lastTotal)
                    + (lastTotal > WINDOW ? " " + getTranslation("audit.count.window", WINDOW) : ""));
        } catch (IOException | RuntimeException e) {
            lastTotal = 0;
            failed(e);
        }
        export.setHref(csvLink());
        grid.getDataProvider().refreshAll();
    }

    /** The API's CSV of the same filter: one export path, recorded in the log by the API. */
    private String csvLink() {
        Map<String, String> params = new LinkedHashMap<>();
        Optional.ofNullable(user.getValue()).filter(u -> !u.isBlank()).ifPresent(u -> params.put("user", u.strip()));
        Optional.ofNullable(action.getValue()).ifPresent(a -> params.put("action", a.code()));
        Optional.ofNullable(outcome.getValue()).ifPresent(o -> params.put("outcome", o.code()));
        Optional.ofNullable(from.getValue()).ifPresent(d -> params.put("from", d.toString()));
        Optional.ofNullable(to.getValue()).ifPresent(d -> params.put("to", d.toString()));
        return "api/v1/admin/audit.csv"
                + (params.isEmpty()
                        ? ""
                        : "?"
                                + params.entrySet().stream()
                                        .map(p -> p.getKey() + "="
                                                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                                        .collect(Collectors.joining("&")));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void failed(Exception e) {
        Notification n =
                Notification.show(getTranslation("audit.failed", e.getMessage()), 10_000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("view.audit.title") + " · " + getTranslation("app.name");
    }
}
