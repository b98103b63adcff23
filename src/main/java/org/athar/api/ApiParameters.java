package org.athar.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.analytics.DisclosureProfile;
import org.athar.i18n.Messages;
import org.athar.search.BadParameterException;
import org.athar.search.QueryParameters;
import org.springframework.util.MultiValueMap;

/** Checks shared by the endpoints that take the search filters: a misspelt parameter is a 400, never ignored. */
final class ApiParameters {

    private ApiParameters() {}

    /** Stops with a 400 naming the first parameter that is neither a search filter nor one of {@code own}. */
    static void rejectUnknown(MultiValueMap<String, String> params, List<String> own) {
        for (String name : params.keySet()) {
            if (!QueryParameters.NAMES.contains(name) && !own.contains(name)) {
                List<String> accepted = new ArrayList<>(QueryParameters.NAMES);
                accepted.addAll(own);
                throw new BadParameterException(name, "unknown parameter '" + name + "'; accepted: "
                        + String.join(", ", accepted));
            }
        }
    }

    /** {@code lang=en|ar} (English when absent or empty); anything else is a 400 naming {@code lang}. */
    static Locale language(MultiValueMap<String, String> params) {
        String lang = Optional.ofNullable(params.getFirst("lang")).orElse("").strip();
        return switch (lang) {
            case "en", "" -> Messages.ENGLISH;
            case "ar" -> Messages.ARABIC;
            default -> throw new BadParameterException("lang", "lang '" + lang + "' is not one of en, ar");
        };
    }

    /** {@code profile=internal|public} as asked (empty when absent or empty); anything else is a 400. */
    static Optional<DisclosureProfile> profile(MultiValueMap<String, String> params) {
        return Optional.ofNullable(params.getFirst("profile")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> DisclosureProfile.fromParameter(p).orElseThrow(() -> new BadParameterException("profile",
                        "profile '" + p + "' is not one of internal, public")));
    }
}
