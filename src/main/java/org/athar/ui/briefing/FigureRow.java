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
import org.athar.export.briefing.KeyFigure;
import org.athar.report.Gazetteer;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;

/** One key figure in the editor: its filters, what it gives the share of, and its sentence from current data. */
class FigureRow extends Div {

    /** "" for a count only, else "perpetrator:government", "status:missing", … */
    private final Select<String> share = new Select<>();
    private final FilterForm filters;
    private final Paragraph sentence = new Paragraph();
    private final Button remove;
    private final Function<KeyFigure, String> preview;

    FigureRow(Gazetteer gazetteer, Function<KeyFigure, String> preview, Consumer<FigureRow> onRemove) {
        this.preview = preview;
        addClassName("athar-card");
        addClassName("athar-briefing-item");
        filters = new FilterForm(gazetteer, this::refresh);
        List<String> options = new ArrayList<>();
        options.add("");
        for (Vocabulary v : PerpetratorCategory.values()) {
            options.add("perpetrator:" + v.code());
        }
        for (Vocabulary v : ReportStatus.values()) {
            options.add("status:" + v.code());
        }
        share.setLabel(getTranslation("briefing.figure.share-of"));
        share.setItems(options);
        share.setItemLabelGenerator(o -> o.isEmpty() ? getTranslation("briefing.figure.share-of.none")
                : getTranslation("vocab." + o.replace(':', '.')));
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
        return s.isEmpty() ? KeyFigure.count(filters.value())
                : KeyFigure.share(filters.value(), s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1));
    }

    void setValue(KeyFigure f) {
        filters.setValue(f.filters());
        share.setValue(f.shareDimension().map(d -> d + ":" + f.shareKey().orElse("")).orElse(""));
        refresh();
    }

    void setReadOnly(boolean readOnly) {
        filters.setReadOnly(readOnly);
        share.setReadOnly(readOnly);
        remove.setVisible(!readOnly);
    }

    void refresh() {
        sentence.setText(preview.apply(value()));
    }
}
