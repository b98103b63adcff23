package org.athar.ui.components;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.athar.report.AgeGroup;
import org.athar.report.ConsentState;
import org.athar.report.Gazetteer;
import org.athar.report.Gender;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Place;
import org.athar.report.ReportStatus;
import org.athar.report.Vocabulary;
import org.athar.search.Facet;
import org.athar.search.QueryText;
import org.athar.search.ReportQuery;
import org.athar.security.Permission;
import org.athar.security.Viewer;

/**
 * The filter bar Search and Trends share: free text (only for roles that may search text), every facet, the date
 * range, "has location" and the consent filters. It edits one {@link ReportQuery}; the views keep it in the URL with the same parameters.
 */
public class FilterBar extends FlexLayout {

    private final ReportLabels labels;
    private final TextField text = new TextField();
    private final Map<Facet, MultiSelectComboBox<String>> facets = new EnumMap<>(Facet.class);
    private final Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
    private final Map<Facet, Function<String, String>> valueLabels = new EnumMap<>(Facet.class);
    private final DatePicker from = DatePickers.dayFirst();
    private final DatePicker to = DatePickers.dayFirst();
    private final Select<String> hasLocation = new Select<>();
    private final MultiSelectComboBox<String> consent = new MultiSelectComboBox<>();
    private final TextField shareWith = new TextField();
    /**
     * The consent filters fold away: open, they took a whole row and pushed the results below a laptop's fold. They
     * open by themselves when the query uses them, so an active filter is never hidden.
     */
    private final Details consentDetails = new Details();

    private final List<Consumer<ReportQuery>> listeners = new ArrayList<>();
    private final Supplier<List<String>> sources;
    private boolean showCounts = true;
    private boolean applying;

    /**
     * @param sources the source names to offer when no facet counts are shown (counts, when shown, list them)
     */
    public FilterBar(Gazetteer gazetteer, Supplier<List<String>> sources) {
        this.labels = new ReportLabels(this, gazetteer);
        this.sources = sources;
        addClassName("athar-filters");
        setFlexWrap(FlexWrap.WRAP);
        text.setId("search-text");
        text.setPlaceholder(getTranslation("search.placeholder"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(400);
        text.addValueChangeListener(e -> changed());
        facet(Facet.GOVERNORATE, labels::place, () -> withUnknown(labels.governorates()));
        facet(Facet.DISTRICT, labels::place, () -> withUnknown(labels.districts(selected(Facet.GOVERNORATE))));
        facet(
                Facet.PERPETRATOR,
                code -> vocab(PerpetratorCategory.values(), code),
                () -> codes(PerpetratorCategory.values()));
        facet(Facet.STATUS, code -> vocab(ReportStatus.values(), code), () -> codes(ReportStatus.values()));
        facet(Facet.GENDER, code -> vocab(Gender.values(), code), () -> codes(Gender.values()));
        facet(Facet.AGE_GROUP, code -> vocab(AgeGroup.values(), code), () -> codes(AgeGroup.values()));
        facet(Facet.SOURCE, s -> s, this::sourceNames);
        from.setLabel(getTranslation("search.from"));
        to.setLabel(getTranslation("search.to"));
        from.setId("filter-from");
        to.setId("filter-to");
        from.setHelperText(getTranslation("search.dates.help"));
        from.addValueChangeListener(e -> changed());
        to.addValueChangeListener(e -> changed());
        hasLocation.setLabel(getTranslation("search.has_location"));
        hasLocation.setId("filter-has_location");
        hasLocation.setItems("", "true", "false");
        hasLocation.setItemLabelGenerator(v -> getTranslation("search.has_location." + (v.isEmpty() ? "any" : v)));
        hasLocation.setValue("");
        hasLocation.addValueChangeListener(e -> changed());
        consentFilters();
        facets.values().forEach(this::add);
        consentDetails.setSummaryText(getTranslation("search.filter.consent.group"));
        consentDetails.setId("filter-consent-group");
        consentDetails.addClassName("athar-filter-group");
        FlexLayout consentFields = new FlexLayout(consent, shareWith);
        consentFields.addClassName("athar-filters");
        consentFields.setFlexWrap(FlexWrap.WRAP);
        consentDetails.add(consentFields);
        add(from, to, hasLocation, consentDetails);
    }

    /** The consent filters (issue 21): not facets, so no counts beside their values. */
    private void consentFilters() {
        consent.setLabel(getTranslation("search.filter.consent"));
        consent.setId("filter-consent");
        consent.setItems(codes(ConsentState.values()));
        consent.setItemLabelGenerator(code -> vocab(ConsentState.values(), code));
        consent.addValueChangeListener(e -> changed());
        shareWith.setLabel(getTranslation("search.filter.share_with"));
        shareWith.setId("filter-share_with");
        shareWith.setHelperText(getTranslation("search.filter.share_with.help"));
        shareWith.setMaxLength(256);
        shareWith.setClearButtonVisible(true);
        shareWith.setValueChangeMode(ValueChangeMode.LAZY);
        shareWith.setValueChangeTimeout(400);
        shareWith.addValueChangeListener(e -> changed());
    }

    /**
     * The bar of the pages that show figures, not reports (Trends, Exports): no facet counts, and the free-text field
     * (full width, placed by the view) only for a viewer who may search identities.
     */
    public static FilterBar forFigures(Gazetteer gazetteer, Supplier<List<String>> sources, Viewer viewer) {
        FilterBar bar = new FilterBar(gazetteer, sources);
        bar.setShowCounts(false);
        bar.textField().setVisible(viewer.can(Permission.SEE_IDENTITIES));
        bar.textField().setWidthFull();
        return bar;
    }

    /** The free-text field, placed by the view (Search shows it above the filters); hidden when text is not allowed. */
    public TextField textField() {
        return text;
    }

    /** Whether facet values show their counts (not for roles that only receive suppressed figures). */
    public void setShowCounts(boolean show) {
        this.showCounts = show;
        facets.values().forEach(b -> b.getDataProvider().refreshAll());
    }

    public void setCounts(Map<Facet, Map<String, Long>> latest) {
        counts.clear();
        counts.putAll(latest);
        facets.values().forEach(b -> b.getDataProvider().refreshAll());
    }

    public void addChangeListener(Consumer<ReportQuery> listener) {
        listeners.add(listener);
    }

    /** The query the bar shows now. */
    public ReportQuery value() {
        return new ReportQuery(
                text.isVisible() ? QueryText.parse(text.getValue()) : QueryText.parse(""),
                selected(Facet.GOVERNORATE),
                selected(Facet.DISTRICT),
                enums(Facet.PERPETRATOR, PerpetratorCategory.values()),
                enums(Facet.STATUS, ReportStatus.values()),
                enums(Facet.GENDER, Gender.values()),
                enums(Facet.AGE_GROUP, AgeGroup.values()),
                selected(Facet.SOURCE),
                Optional.ofNullable(from.getValue()),
                Optional.ofNullable(to.getValue()),
                hasLocation.getValue() == null || hasLocation.getValue().isEmpty()
                        ? Optional.empty()
                        : Optional.of(Boolean.parseBoolean(hasLocation.getValue())),
                Optional.empty(),
                Stream.of(ConsentState.values())
                        .filter(v -> consent.getValue().contains(v.code()))
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                Optional.of(shareWith.getValue()));
    }

    /** Shows {@code query} without notifying the listeners (the view applies it itself). */
    public void setValue(ReportQuery query) {
        applying = true;
        try {
            text.setValue(query.text().display());
            facets.get(Facet.GOVERNORATE).setValue(query.governorates());
            facets.get(Facet.DISTRICT).setValue(query.districts());
            facets.get(Facet.PERPETRATOR).setValue(codesOf(query.perpetrators()));
            facets.get(Facet.STATUS).setValue(codesOf(query.statuses()));
            facets.get(Facet.GENDER).setValue(codesOf(query.genders()));
            facets.get(Facet.AGE_GROUP).setValue(codesOf(query.ageGroups()));
            facets.get(Facet.SOURCE).setValue(query.sources());
            from.setValue(query.from().orElse(null));
            to.setValue(query.to().orElse(null));
            hasLocation.setValue(query.hasLocation().map(String::valueOf).orElse(""));
            consent.setValue(codesOf(query.consents()));
            shareWith.setValue(query.shareWith().orElse(""));
            if (!query.consents().isEmpty() || query.shareWith().isPresent()) {
                consentDetails.setOpened(true);
            }
        } finally {
            applying = false;
        }
    }

    /**
     * One filter in force, as a person reads it ("Governorate: Aleppo or Homs": values of a filter are OR-ed); {@code parameter} is its URL name
     * ({@code q}, {@code governorate}, …, {@code from}, {@code to}, {@code has_location}, {@code consent},
     * {@code share_with}), for {@link #clear(String)}.
     */
    public record Active(String parameter, String text) {}

    /** The filters in force, in the bar's order: what a collapsed bar shows as chips. */
    public List<Active> active() {
        List<Active> out = new ArrayList<>();
        if (text.isVisible() && !text.getValue().isBlank()) {
            out.add(new Active(
                    "q", getTranslation("search.chip.text", text.getValue().strip())));
        }
        facets.forEach((facet, box) -> {
            if (!box.getValue().isEmpty()) {
                out.add(new Active(
                        facet.parameter(),
                        getTranslation("search.filter." + facet.parameter()) + ": "
                                + box.getValue().stream()
                                        .map(valueLabels.get(facet))
                                        .sorted()
                                        .collect(Collectors.joining(" " + getTranslation("search.chip.or") + " "))));
            }
        });
        Optional.ofNullable(from.getValue())
                .ifPresent(d -> out.add(new Active("from", getTranslation("search.from") + ": " + d)));
        Optional.ofNullable(to.getValue())
                .ifPresent(d -> out.add(new Active("to", getTranslation("search.to") + ": " + d)));
        if (hasLocation.getValue() != null && !hasLocation.getValue().isEmpty()) {
            out.add(new Active(
                    "has_location",
                    getTranslation("search.has_location") + ": "
                            + getTranslation("search.has_location." + hasLocation.getValue())));
        }
        if (!consent.getValue().isEmpty()) {
            out.add(new Active(
                    "consent",
                    getTranslation("search.filter.consent") + ": "
                            + consent.getValue().stream()
                                    .map(code -> vocab(ConsentState.values(), code))
                                    .sorted()
                                    .collect(Collectors.joining(" " + getTranslation("search.chip.or") + " "))));
        }
        if (!shareWith.getValue().isBlank()) {
            out.add(new Active(
                    "share_with",
                    getTranslation("search.filter.share_with") + ": "
                            + shareWith.getValue().strip()));
        }
        return out;
    }

    /** Clears one filter (named as in {@link Active#parameter()}), then notifies the listeners once. */
    public void clear(String parameter) {
        applying = true;
        try {
            switch (parameter) {
                case "q" -> text.clear();
                case "from" -> from.clear();
                case "to" -> to.clear();
                case "has_location" -> hasLocation.setValue("");
                case "consent" -> consent.clear();
                case "share_with" -> shareWith.clear();
                default ->
                    facets.entrySet().stream()
                            .filter(e -> e.getKey().parameter().equals(parameter))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("no filter named " + parameter))
                            .getValue()
                            .clear();
            }
        } finally {
            applying = false;
        }
        changed();
    }

    /** Clears every filter and the text, then notifies the listeners once. */
    public void clear() {
        applying = true;
        text.clear();
        facets.values().forEach(MultiSelectComboBox::clear);
        from.clear();
        to.clear();
        hasLocation.setValue("");
        consent.clear();
        shareWith.clear();
        applying = false;
        changed();
    }

    private void changed() {
        if (applying) {
            return;
        }
        ReportQuery q = value();
        listeners.forEach(l -> l.accept(q));
    }

    private void facet(Facet facet, Function<String, String> label, Supplier<List<String>> items) {
        MultiSelectComboBox<String> box =
                new MultiSelectComboBox<>(getTranslation("search.filter." + facet.parameter()));
        box.setId("filter-" + facet.parameter());
        box.setItems(
                query -> items.get().stream().skip(query.getOffset()).limit(query.getLimit()),
                query -> items.get().size());
        box.setItemLabelGenerator(value -> showCounts
                ? label.apply(value) + " ("
                        + String.format(
                                getLocale(),
                                "%,d",
                                counts.getOrDefault(facet, Map.of()).getOrDefault(value, 0L))
                        + ")"
                : label.apply(value));
        box.addValueChangeListener(e -> changed());
        facets.put(facet, box);
        valueLabels.put(facet, label);
    }

    private List<String> sourceNames() {
        Set<String> names =
                new TreeSet<>(counts.getOrDefault(Facet.SOURCE, Map.of()).keySet());
        if (names.isEmpty()) {
            names.addAll(sources.get());
        }
        names.addAll(Optional.ofNullable(facets.get(Facet.SOURCE))
                .map(MultiSelectComboBox::getValue)
                .orElse(Set.of()));
        return List.copyOf(names);
    }

    private static List<String> withUnknown(List<String> pcodes) {
        return Stream.concat(pcodes.stream(), Stream.of(Place.UNKNOWN)).toList();
    }

    private static <T extends Vocabulary> List<String> codes(T[] values) {
        return Stream.of(values).map(Vocabulary::code).toList();
    }

    private <T extends Vocabulary> String vocab(T[] values, String code) {
        return Stream.of(values)
                .filter(v -> v.code().equals(code))
                .findFirst()
                .map(labels::vocabulary)
                .orElse(code);
    }

    private Set<String> selected(Facet facet) {
        return Optional.ofNullable(facets.get(facet))
                .map(MultiSelectComboBox::getValue)
                .orElse(Set.of());
    }

    private <T extends Enum<T> & Vocabulary> Set<T> enums(Facet facet, T[] all) {
        Set<String> chosen = selected(facet);
        return Stream.of(all)
                .filter(v -> chosen.contains(v.code()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> codesOf(Set<? extends Vocabulary> values) {
        return values.stream().map(Vocabulary::code).collect(Collectors.toSet());
    }
}
