package org.athar.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.athar.i18n.Messages;
import org.springframework.stereotype.Component;

/** Lets Vaadin's {@code getTranslation} read Athar's message bundles, with screen-ready (bidi-isolated) arguments. */
@Component
class AtharI18NProvider implements I18NProvider {

    private final Messages messages;

    AtharI18NProvider(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.forScreen(key, locale, params);
    }
}
