package org.athar.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.analytics.DisclosureProfile;
import org.athar.analytics.StatsParameters;
import org.athar.search.BadParameterException;
import org.athar.search.ReportQueryParser;
import org.springframework.util.MultiValueMap;

/** Checks shared by the endpoints that take the search filters: a misspelt parameter is a 400, never ignored. */
final class ApiParameters {

    private ApiParameters() {}

    /** Stops with a 400 naming the first parameter that is neither a search filter nor one of {@code own}. */
    static void rejectUnknown(MultiValueMap<String, String> params, List<String> own) {
        for (String name : params.keySet()) {
            if (!ReportQueryParser.NAMES.contains(name) && !own.contains(name)) {
                List<String> accepted = new ArrayList<>(ReportQueryParser.NAMES);
                accepted.addAll(own);
                throw new BadParameterException(
                        name, "unknown parameter '" + name + "'; accepted: " + String.join(", ", accepted));
            }
        }
    }

    /**
     * The parameter of a query string that holds a character the server's firewall refuses (a control character such
     * as NUL, or an unassigned one), as the client wrote it: its name, still percent-encoded when the name itself is
     * the problem ({@code q%00}), so the answer names it without repeating the character.
     */
    static Optional<String> refusedParameter(String queryString) {
        if (queryString == null) {
            return Optional.empty();
        }
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> name = decoded(rawName);
            Optional<String> value = eq < 0 ? Optional.of("") : decoded(pair.substring(eq + 1));
            if (name.isEmpty() || !acceptable(name.get())) {
                return Optional.of(rawName);
            }
            if (value.isEmpty() || !acceptable(value.get())) {
                return name;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decoded(String text) {
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    // What Spring Security's StrictHttpFirewall accepts in parameter names and values.
    private static boolean acceptable(String text) {
        return text.codePoints().allMatch(c -> Character.isDefined(c) && !Character.isISOControl(c));
    }

    /** {@code lang=en|ar} (English when absent or empty); anything else is a 400 naming {@code lang}. */
    static Locale language(MultiValueMap<String, String> params) {
        return StatsParameters.language(params);
    }

    /** {@code profile=internal|public} as asked (empty when absent or empty); anything else is a 400. */
    static Optional<DisclosureProfile> profile(MultiValueMap<String, String> params) {
        return StatsParameters.profile(params);
    }
}
