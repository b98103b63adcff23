package org.athar.ui.briefing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.athar.briefing.KeyFigure;
import org.athar.report.Gazetteer;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;
import org.athar.search.ReportQuery;

/** One key figure in the editor: its filters, what it gives the share of, and its sentence from current data. */
class FigureRow extends Div {

    /**
     * What a figure can give the share of: "" for a count only, else "perpetrator:government", "status:missing", … One
     * Unknown only, the perpetrator's ("attributed to an unknown party" is a finding); a share of reports whose status
     * is not recorded says nothing about the persons, so it is offered only to a figure saved with it (through the API).
     */
    private static final List<String> OPTIONS = options();

    private static List<String> options() {
        List<String> options = new ArrayList<>();
        options.add("");
        for (Vocabulary v : PerpetratorCategory.values()) {
            options.add("perpetrator:" + v.code());
        }
        for (ReportStatus v : ReportStatus.values()) {
            if (v != ReportStatus.UNKNOWN) {
                options.add("status:" + v.code());
            }
        }
        return List.copyOf(options);
    }

    /** "" for a count only, else "perpetrator:government", "status:missing", … */
    private final Select<String> share = new Select<>();

    private final FilterForm filters;
    private final Paragraph sentence = new Paragraph();
    private final Button remove;
    private final Function<KeyFigure, String> preview;
    private final Supplier<ReportQuery> briefingFilters;

    FigureRow(
            Gazetteer gazetteer,
            Supplier<ReportQuery> briefingFilters,
            Function<KeyFigure, String> preview,
            Consumer<FigureRow> onRemove) {
        this.preview = preview;
        this.briefingFilters = briefingFilters;
        addClassName("athar-card");
        addClassName("athar-briefing-item");
        filters = new FilterForm(gazetteer, this::refresh);
        share.setLabel(getTranslation("briefing.figure.share-of"));
        share.setItems(OPTIONS);
        // Each choice names its dimension ("Status: Missing"), so the list never shows two bare "Unknown"s.
        share.setItemLabelGenerator(o -> o.isEmpty()
                ? getTranslation("briefing.figure.share-of.none")
                : getTranslation(
                        "briefing.figure.share-of." + o.substring(0, o.indexOf(':')),
                        getTranslation("vocab." + o.replace(':', '.'))));
        share.setValue("");
        share.addValueChangeListener(e -> refresh());
        sentence.addClassName("athar-briefing-figure");
        remove = new Button(getTranslation("briefing.remove"), VaadinIcon.TRASH.create(), e -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        filters.add(share);
        add(filters, sentence, remove);
    }

    KeyFigure value() {
        String s = Optional.ofNullable(share.getValue()).orElse("");
        return s.isEmpty()
                ? KeyFigure.count(filters.value())
                : KeyFigure.share(filters.value(), s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1));
    }

    void setValue(KeyFigure f) {
        filters.setValue(f.filters());
        String value =
                f.shareDimension().map(d -> d + ":" + f.shareKey().orElse("")).orElse("");
        if (!OPTIONS.contains(value)) {
            List<String> kept = new ArrayList<>(OPTIONS);
            kept.add(value);
            share.setItems(kept);
        }
        share.setValue(value);
        refresh();
    }

    FilterForm filters() {
        return filters;
    }

    void setReadOnly(boolean readOnly) {
        filters.setReadOnly(readOnly);
        share.setReadOnly(readOnly);
        remove.setVisible(!readOnly);
    }

    /** The sentence from current data, or none while the figure's filters lie outside the briefing's. */
    void refresh() {
        sentence.setText(filters.within(briefingFilters.get()) ? preview.apply(value()) : "");
    }
}
