package org.athar.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.athar.analytics.DisclosureProfile;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;
import org.athar.security.Permission;
import org.athar.security.Viewer;

/** The "Export" button of Search and Trends: opens the Exports page with their filters (and profile). */
public final class ExportButton {

    /** The Exports page's route; named here so the views that open it need not import it. */
    static final String EXPORTS_ROUTE = "exports";

    private ExportButton() {}

    /** The button, or empty for a role without {@link Permission#EXPORT_AGGREGATES}. */
    public static Optional<Button> open(
            Viewer viewer, Supplier<ReportQuery> query, Supplier<Optional<DisclosureProfile>> profile) {
        if (!viewer.can(Permission.EXPORT_AGGREGATES)) {
            return Optional.empty();
        }
        Button open = new Button();
        open.setText(open.getTranslation("exports.open"));
        open.setTooltipText(open.getTranslation("exports.open.title"));
        open.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        open.setId("open-exports");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.addClickListener(e -> {
            Map<String, List<String>> params = new LinkedHashMap<>(ReportQueryParser.format(query.get()));
            profile.get().ifPresent(p -> params.put("profile", List.of(p.parameter())));
            open.getUI().ifPresent(ui -> ui.navigate(EXPORTS_ROUTE, new QueryParameters(params)));
        });
        return Optional.of(open);
    }
}
