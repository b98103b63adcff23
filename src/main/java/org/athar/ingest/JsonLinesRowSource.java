package org.athar.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON Lines (one object per line, keys named like header columns) as rows. Row n is the n-th non-blank line;
 * a line that is not a JSON object is an unreadable row and the lines after it are read as usual.
 */
final class JsonLinesRowSource implements RowSource {

    private static final ObjectMapper JSON = new ObjectMapper()
            // Exact decimals: 36.1 must not come back as 36.100000000000001.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final BufferedReader lines;
    private final Set<String> unknown = new LinkedHashSet<>();
    private long number;

    JsonLinesRowSource(InputStream in) throws IOException {
        lines = new BufferedReader(Utf8Text.reader(in));
    }

    /** Keys that are not canonical columns, as first seen so far. */
    @Override
    public List<String> unknownColumns() {
        return List.copyOf(unknown);
    }

    @Override
    public Optional<RawRow> next() throws IOException {
        Optional<String> next = nextNonBlankLine();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        String line = next.get();
        number++;
        if (number == 1 && (line.strip().startsWith("[") || line.strip().equals("{"))) {
            throw new ImportFormatException("The file holds a JSON array or objects spread over several lines, not "
                    + "JSON Lines; write one object per line (for example: jq -c '.[]' file.json > file.jsonl), "
                    + "see docs/data-format.md");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (at character " + e.getLocation().getColumnNr() + ")";
            return Optional.of(RawRow.unreadable(number, line, "not a JSON object: " + e.getOriginalMessage() + where));
        }
        if (!node.isObject()) {
            return Optional.of(RawRow.unreadable(
                    number,
                    line,
                    "not a JSON object: the line holds "
                            + (node.isArray()
                                    ? "an array"
                                    : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT))));
        }
        return Optional.of(row(node, line));
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private Optional<String> nextNonBlankLine() throws IOException {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    return Optional.of(line);
                }
            }
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw Utf8Text.notUtf8(number + 1);
        }
    }

    private RawRow row(JsonNode object, String line) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            Optional<String> column = Columns.canonical(field.getKey());
            if (column.isEmpty()) {
                if (!field.getKey().isBlank()) {
                    unknown.add(field.getKey());
                }
                continue;
            }
            String earlier = keys.putIfAbsent(column.get(), field.getKey());
            if (earlier != null) {
                return RawRow.unreadable(
                        number,
                        line,
                        "keys '" + earlier + "' and '" + field.getKey() + "' both mean column " + column.get()
                                + "; keep one of them");
            }
            text(field.getValue()).ifPresent(value -> values.put(column.get(), value));
        }
        return RawRow.of(number, values);
    }

    /** A scalar as the user wrote it (34 not 34.0, no exponent); null is absent; objects and arrays as JSON text. */
    private static Optional<String> text(JsonNode value) {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().toString());
        }
        if (value.isNumber()) {
            return Optional.of(value.decimalValue().stripTrailingZeros().toPlainString());
        }
        return Optional.of(value.isBoolean() ? value.asText() : value.toString());
    }
}
