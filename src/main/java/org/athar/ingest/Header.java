package org.athar.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.athar.i18n.Text;

/** The header row of a CSV file or a sheet: which canonical column each position holds. */
final class Header {

    private static final String SEE_FORMAT = "see docs/data-format.md";

    private final List<String> names = new ArrayList<>();
    private final List<Optional<String>> columns = new ArrayList<>();
    private final IntFunction<String> positionName;
    private final Set<String> unknown = new LinkedHashSet<>();

    private Header(IntFunction<String> positionName) {
        this.positionName = positionName;
    }

    /**
     * Maps header names to canonical columns; {@code positionName} names a position as the user sees it ("4" in a
     * CSV file, "D" in a sheet). Refuses a header without report_id or with two names for one column.
     */
    static Header of(List<String> names, IntFunction<String> positionName) {
        Header header = new Header(positionName);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            Optional<String> column = name.isEmpty() ? Optional.empty() : Columns.canonical(name);
            header.names.add(name);
            header.columns.add(column);
            if (column.isEmpty() && !name.isEmpty()) {
                header.unknown.add(name);
            }
            if (column.isPresent() && positions.putIfAbsent(column.get(), i) != null) {
                int first = positions.get(column.get());
                throw new ImportFormatException("The header names column " + column.get() + " twice: '"
                        + header.names.get(first) + "' (column " + positionName.apply(first) + ") and '" + name
                        + "' (column " + positionName.apply(i) + "); keep one of them and upload the file again");
            }
        }
        if (positions.isEmpty()) {
            throw new ImportFormatException("The first row has no known column name (it reads: "
                    + excerpt(names) + "); the first row must be a header with the canonical column names "
                    + "such as report_id, victim_name, disappeared_on (or their Arabic names), " + SEE_FORMAT);
        }
        if (!positions.containsKey(Columns.REPORT_ID)) {
            throw new ImportFormatException(
                    Text.of("import.error.no-report-id", Columns.REPORT_ID, Columns.arabicHeader(Columns.REPORT_ID)));
        }
        return header;
    }

    /**
     * Puts the value at {@code position} under its column. A value under a column with an unknown name is dropped
     * (that name is already reported); one under a column without any name is reported as such, never lost silently.
     */
    void put(Map<String, String> row, int position, String value) {
        boolean named = position < names.size() && !names.get(position).isEmpty();
        if (named) {
            columns.get(position).ifPresent(column -> row.put(column, value));
        } else if (!value.isBlank()) {
            unknown.add("column " + positionName.apply(position) + " (no header)");
        }
    }

    /** How many positions the header spans, named or not. */
    int size() {
        return columns.size();
    }

    /** Header names that are not canonical columns, then columns without a name that held values, as first seen. */
    List<String> unknownColumns() {
        return List.copyOf(unknown);
    }

    private static String excerpt(List<String> names) {
        String text = String.join(", ", names.subList(0, Math.min(names.size(), 5)));
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
