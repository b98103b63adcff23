package org.athar.api;

import java.util.ArrayList;
import java.util.List;
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
}
