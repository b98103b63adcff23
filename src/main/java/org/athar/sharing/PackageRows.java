package org.athar.sharing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.athar.ingest.Columns;
import org.athar.ingest.OriginColumns;
import org.athar.ingest.RawRow;
import org.athar.ingest.RowSource;

/**
 * The records of a received package's {@code reports.jsonl} as import rows: each JSON record (Athar's report JSON)
 * mapped to the import columns, consent included, stored under the sender's registered name with the record's
 * {@code id} as {@code report_id}, and the record's own source, report id, batch and import time kept as its origin.
 * Read only after the package's signature and checksums were verified.
 */
final class PackageRows implements RowSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader lines;
    private final String sender;
    private final String senderFingerprint;
    private final String packageId;
    private long number;

    PackageRows(InputStream reportsJsonl, String sender, String senderFingerprint, String packageId) {
        this.lines = new BufferedReader(new InputStreamReader(reportsJsonl, StandardCharsets.UTF_8));
        this.sender = sender;
        this.senderFingerprint = senderFingerprint;
        this.packageId = packageId;
    }

    @Override
    public List<String> unknownColumns() {
        return List.of();
    }

    @Override
    public Optional<RawRow> next() throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            try {
                JsonNode record = JSON.readTree(line);
                if (record != null && record.isObject()) {
                    return Optional.of(RawRow.of(number, values(record)));
                }
            } catch (JsonProcessingException e) {
                // reported below, like any unreadable row: kept in quarantine with its text
            }
            return Optional.of(RawRow.unreadable(number, line, "not a report record of an Athar package"));
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private Map<String, String> values(JsonNode r) {
        Map<String, String> v = new HashMap<>();
        put(v, Columns.REPORT_ID, text(r, "id"));
        v.put(Columns.SOURCE, sender);
        JsonNode victim = r.path("victim");
        put(v, Columns.VICTIM_NAME, text(victim, "name"));
        put(v, Columns.VICTIM_NAME_LATIN, text(victim, "name_latin"));
        put(v, Columns.GENDER, text(victim, "gender"));
        put(v, Columns.AGE, text(victim, "age"));
        put(v, Columns.OCCUPATION, text(victim, "occupation"));
        put(v, Columns.DISAPPEARED_ON, date(r.path("disappearance")));
        JsonNode place = r.path("place");
        put(v, Columns.GOVERNORATE, text(place, "governorate"));
        put(v, Columns.DISTRICT, text(place, "district"));
        put(v, Columns.LOCALITY, text(place, "locality"));
        put(v, Columns.LATITUDE, text(place.path("location"), "lat"));
        put(v, Columns.LONGITUDE, text(place.path("location"), "lon"));
        JsonNode perpetrator = r.path("perpetrator");
        Optional<String> detail = text(perpetrator, "detail");
        if (text(perpetrator, "category").filter("other"::equals).isPresent() && detail.isPresent()) {
            // Athar keeps unrecognised perpetrator text as the detail of "other": written back as the text itself.
            put(v, Columns.PERPETRATOR, detail);
        } else {
            put(v, Columns.PERPETRATOR, text(perpetrator, "category"));
            put(v, Columns.PERPETRATOR_DETAIL, detail);
        }
        put(v, Columns.STATUS, text(r, "status"));
        put(v, Columns.STATUS_DATE, text(r, "status_date"));
        put(v, Columns.NARRATIVE, text(r, "narrative"));
        JsonNode consent = r.path("consent");
        put(v, Columns.CONSENT_TO_SHARE, text(consent, "state"));
        List<String> shareWith = new ArrayList<>();
        consent.path("share_with").forEach(n -> shareWith.add(n.asText()));
        put(v, Columns.SHARE_WITH, Optional.of(String.join(";", shareWith)));
        put(v, Columns.CONSENT_DATE, text(consent, "date"));
        put(v, Columns.CONSENT_NOTE, text(consent, "note"));
        v.put(OriginColumns.SENDER, sender);
        v.put(OriginColumns.SENDER_FINGERPRINT, senderFingerprint);
        v.put(OriginColumns.PACKAGE_ID, packageId);
        put(v, OriginColumns.SOURCE, text(r, "source"));
        put(v, OriginColumns.REPORT_ID, text(r, "report_id"));
        put(v, OriginColumns.BATCH_ID, text(r.path("provenance"), "batch_id"));
        put(v, OriginColumns.IMPORTED_AT, text(r.path("provenance"), "imported_at"));
        if (r.path("synthetic").asBoolean(false)) {
            v.put(OriginColumns.SYNTHETIC, "true");
        }
        return v;
    }

    /** The disappearance as an import cell: a day, a month or a year as precise as the sender knew it. */
    private static Optional<String> date(JsonNode disappearance) {
        Optional<String> start = text(disappearance, "date");
        String precision = disappearance.path("precision").asText("");
        return start.map(d -> switch (precision) {
            case "month" -> d.length() >= 7 ? d.substring(0, 7) : d;
            case "year" -> d.length() >= 4 ? d.substring(0, 4) : d;
            default -> d;
        });
    }

    private static void put(Map<String, String> values, String column, Optional<String> value) {
        value.filter(s -> !s.isBlank()).ifPresent(s -> values.put(column, s));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.isContainerNode()
                ? Optional.empty()
                : Optional.of(value.asText());
    }
}
