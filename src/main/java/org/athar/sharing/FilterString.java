package org.athar.sharing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.athar.report.Gazetteer;
import org.athar.search.ReportQuery;
import org.athar.search.ReportQueryParser;

/**
 * A package's filter as the query string of {@code /api/v1/reports} ({@code governorate=SY02&from=2013-01-01}): what
 * the draft, the manifest and the ledger keep, and what sending a draft reads back into the same query.
 */
final class FilterString {

    private FilterString() {}

    static String of(ReportQuery query) {
        StringJoiner out = new StringJoiner("&");
        ReportQueryParser.format(query)
                .forEach((name, values) -> values.forEach(v -> out.add(encode(name) + "=" + encode(v))));
        return out.toString();
    }

    static ReportQuery parse(String filter, Gazetteer gazetteer) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (filter != null && !filter.isEmpty()) {
            for (String pair : filter.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return ReportQueryParser.parse(params, gazetteer);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
