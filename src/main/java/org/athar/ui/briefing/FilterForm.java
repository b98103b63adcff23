package org.athar.ui.briefing;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.athar.briefing.BriefingRules;
import org.athar.report.Gazetteer;
import org.athar.report.Governorate;
import org.athar.report.PerpetratorCategory;
import org.athar.report.ReportStatus;
import org.athar.search.ReportQuery;

/**
 * The filters of a whole briefing, or of one key figure or chart, compactly: governorates, alleged perpetrators,
 * statuses and a range of whole years. Its value is the query string a briefing stores; other filters of a stored
 * briefing (set through the API) are kept as they are. An item's form says, in the user's language, where it lies
 * outside the briefing's filters ({@link #within}).
 */
class FilterForm extends FlexLayout {

    private final MultiSelectComboBox<String> governorates = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<PerpetratorCategory> perpetrators = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<ReportStatus> statuses = new MultiSelectComboBox<>();
    private final IntegerField fromYear = new IntegerField();
    private final IntegerField toYear = new IntegerField();
    private final Gazetteer gazetteer;
    private final Paragraph outside = new Paragraph();
    private ReportQuery rest = ReportQuery.all();

    FilterForm(Gazetteer gazetteer, Runnable onChange) {
        this.gazetteer = gazetteer;
        addClassName("athar-filters");
        setFlexWrap(FlexWrap.WRAP);
        governorates.setLabel(getTranslation("briefing.filter.governorate"));
        governorates.setItems(
                gazetteer.governorates().stream().map(Governorate::pcode).toList());
        governorates.setItemLabelGenerator(p -> gazetteer.label(p, getLocale()));
        perpetrators.setLabel(getTranslation("briefing.filter.perpetrator"));
        perpetrators.setItems(PerpetratorCategory.values());
        perpetrators.setItemLabelGenerator(p -> getTranslation("vocab.perpetrator." + p.code()));
        statuses.setLabel(getTranslation("briefing.filter.status"));
        statuses.setItems(ReportStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation("vocab.status." + s.code()));
        for (IntegerField year : List.of(fromYear, toYear)) {
            year.setMin(1970);
            year.setMax(2100);
            year.setWidth("8em");
        }
        fromYear.setLabel(getTranslation("briefing.filter.from-year"));
        toYear.setLabel(getTranslation("briefing.filter.to-year"));
        governorates.addValueChangeListener(e -> onChange.run());
        perpetrators.addValueChangeListener(e -> onChange.run());
        statuses.addValueChangeListener(e -> onChange.run());
        fromYear.addValueChangeListener(e -> onChange.run());
        toYear.addValueChangeListener(e -> onChange.run());
        outside.addClassName("athar-briefing-outside");
        outside.getElement().setAttribute("role", "alert");
        outside.setVisible(false);
        outside.setWidthFull();
        add(governorates, perpetrators, statuses, fromYear, toYear, outside);
    }

    /**
     * Marks the fields on which these filters lie outside the briefing's ({@code whole}) and says so under them; a
     * figure or chart may only narrow the briefing's filters. True when they lie within.
     */
    boolean within(ReportQuery whole) {
        List<String> names = BriefingRules.outside(whole, query());
        governorates.setInvalid(names.contains("governorate"));
        perpetrators.setInvalid(names.contains("perpetrator"));
        statuses.setInvalid(names.contains("status"));
        fromYear.setInvalid(names.contains("from"));
        toYear.setInvalid(names.contains("to"));
        String labels = String.join(
                getTranslation("chart.separator.list"),
                names.stream().map(this::label).toList());
        outside.setText(names.isEmpty() ? "" : getTranslation("briefing.filters.outside", labels));
        outside.setVisible(!names.isEmpty());
        return names.isEmpty();
    }

    private String label(String parameter) {
        return switch (parameter) {
            case "from" -> getTranslation("briefing.filter.from-year");
            case "to" -> getTranslation("briefing.filter.to-year");
            case "has_location" -> getTranslation("search.has_location");
            default -> getTranslation("search.filter." + parameter);
        };
    }

    /** The filters as a query. */
    ReportQuery query() {
        return BriefingRules.query(value(), "filters", gazetteer);
    }

    /** The filters as the query string of {@code /api/v1/reports}. */
    String value() {
        // A stored day within the chosen year (set through the API) is kept, not widened to the whole year.
        Optional<LocalDate> from = Optional.ofNullable(fromYear.getValue())
                .map(y -> rest.from().filter(d -> d.getYear() == y).orElse(LocalDate.of(y, 1, 1)));
        Optional<LocalDate> to = Optional.ofNullable(toYear.getValue())
                .map(y -> rest.to().filter(d -> d.getYear() == y).orElse(LocalDate.of(y, 12, 31)));
        ReportQuery q = rest.withoutText()
                .withGovernorates(governorates.getValue())
                .withPerpetrators(perpetrators.getValue())
                .withStatuses(statuses.getValue())
                .within(from, to);
        return BriefingRules.canonical(q);
    }

    void setValue(String filters) {
        ReportQuery q = BriefingRules.query(filters, "filters", gazetteer);
        rest = q;
        governorates.setValue(q.governorates());
        perpetrators.setValue(q.perpetrators());
        statuses.setValue(q.statuses());
        fromYear.setValue(q.from().map(LocalDate::getYear).orElse(null));
        toYear.setValue(q.to().map(LocalDate::getYear).orElse(null));
    }

    void setReadOnly(boolean readOnly) {
        governorates.setReadOnly(readOnly);
        perpetrators.setReadOnly(readOnly);
        statuses.setReadOnly(readOnly);
        fromYear.setReadOnly(readOnly);
        toYear.setReadOnly(readOnly);
    }
}
