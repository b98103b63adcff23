package org.athar.analytics;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code athar.disclosure.*}: the threshold k below which a count is withheld from {@code public} output.
 *
 * @param k counts from 1 to k - 1 are withheld from public output (1 withholds nothing)
 */
@ConfigurationProperties(prefix = "athar.disclosure")
public record DisclosureProperties(@DefaultValue("5") int k) {

    public DisclosureProperties {
        if (k < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "athar.disclosure.k is %d; set it to 1 or more (1 withholds nothing, the default is 5)",
                    k));
        }
    }
}
