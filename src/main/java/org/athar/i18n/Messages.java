package org.athar.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every text a user reads, in English and Arabic, from the message bundles ({@code messages}, {@code vocabulary}).
 * The UI, the exports and the API labels all read through here.
 */
@Component
public class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    /**
     * Arabic with Western digits (0–9), as Syrian documentation groups and UN Arabic documents write figures, so a
     * number reads the same in both languages and pastes cleanly into a report.
     */
    public static final Locale ARABIC = Locale.forLanguageTag("ar-u-nu-latn");

    public static final List<Locale> SUPPORTED = List.of(ENGLISH, ARABIC);
    public static final List<String> BUNDLES = List.of("messages", "vocabulary");

    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The supported locale closest to {@code requested}: Arabic for any Arabic variant, otherwise English. */
    public static Locale supported(Locale requested) {
        return requested != null && "ar".equals(requested.getLanguage()) ? ARABIC : ENGLISH;
    }

    public static boolean isRightToLeft(Locale locale) {
        return "ar".equals(supported(locale).getLanguage());
    }

    public String get(String key, Locale locale, Object... params) {
        return format(key, locale, false, params);
    }

    /**
     * As {@link #get}, for text shown on screen: in a right-to-left language every text argument (a batch id, a file
     * name, a timestamp, a value from a file) is bidi-isolated, so a left-to-right token keeps its order inside Arabic.
     * Not for files (PDF, DOCX, CSV), whose fonts and readers may show the marks.
     */
    public String forScreen(String key, Locale locale, Object... params) {
        return format(key, locale, true, params);
    }

    static String format(String key, Locale locale, boolean isolate, Object... params) {
        Locale target = supported(locale);
        Optional<String> pattern = lookup(key, target);
        if (pattern.isEmpty()) {
            log.warn("Missing message key '{}' for {}", key, target);
            return "!" + key + "!";
        }
        if (params.length == 0) {
            return pattern.get();
        }
        boolean rtl = isolate && isRightToLeft(target);
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Text text) {
                // A nested text is in the reader's language already; only its own arguments need isolating.
                args[i] = format(text.key(), target, isolate, text.args().toArray());
            } else if (rtl && p instanceof CharSequence chars && Bidi.needsIsolation(chars.toString())) {
                args[i] = Bidi.isolate(chars.toString());
            } else {
                args[i] = p;
            }
        }
        return new MessageFormat(pattern.get(), target).format(args);
    }

    private static Optional<String> lookup(String key, Locale locale) {
        for (ResourceBundle bundle : bundles(locale)) {
            if (bundle.containsKey(key)) {
                return Optional.of(bundle.getString(key));
            }
        }
        return Optional.empty();
    }

    /** The bundles for one locale, Arabic first falling back to the base (English) bundle. */
    static List<ResourceBundle> bundles(Locale locale) {
        List<ResourceBundle> found = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(name, locale, Messages.class.getClassLoader(), NO_FALLBACK));
            } catch (MissingResourceException absent) {
                log.debug("no bundle {} for {}", name, locale);
            }
        }
        return found;
    }
}
