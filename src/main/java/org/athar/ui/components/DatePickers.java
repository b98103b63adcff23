package org.athar.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.athar.i18n.Messages;

/**
 * Every date picker of Athar: day first (DD/MM/YYYY, as Syrian documentation writes dates) in both languages, month
 * and weekday names in the user's language (the Levantine month names in Arabic), the week starting on Saturday in
 * Arabic (as in Syria) and on Monday in English. Vaadin's default would read 05/03/2013 as 3 May.
 */
public final class DatePickers {

    /** Shown and parsed first; the others are also accepted when typed. */
    public static final String DAY_FIRST = "dd/MM/yyyy";

    private static final String[] ALSO_ACCEPTED = {"d/M/yyyy", "yyyy-MM-dd"};
    private static final int MONDAY = 1;
    private static final int SATURDAY = 6;

    private DatePickers() {}

    /** A date picker in the current user's language. */
    public static DatePicker dayFirst() {
        Locale locale = Optional.ofNullable(UI.getCurrent()).map(UI::getLocale).orElse(Messages.ENGLISH);
        return dayFirst(new DatePicker(), locale);
    }

    /** Sets {@code picker} up day first in {@code locale}; returns it. */
    public static DatePicker dayFirst(DatePicker picker, Locale locale) {
        Locale l = Messages.supported(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setDateFormats(DAY_FIRST, ALSO_ACCEPTED)
                .setMonthNames(list(picker, l, "datepicker.months"))
                .setWeekdays(list(picker, l, "datepicker.weekdays"))
                .setWeekdaysShort(list(picker, l, "datepicker.weekdays.short"))
                .setFirstDayOfWeek(Messages.isRightToLeft(l) ? SATURDAY : MONDAY)
                .setToday(picker.getTranslation(l, "datepicker.today"))
                .setCancel(picker.getTranslation(l, "datepicker.cancel"))
                .setBadInputErrorMessage(picker.getTranslation(l, "datepicker.bad-input"));
        picker.setLocale(l);
        picker.setI18n(i18n);
        picker.setPlaceholder(DAY_FIRST.toUpperCase(Locale.ROOT));
        return picker;
    }

    /** Sunday first, as Vaadin wants the names. */
    private static List<String> list(DatePicker picker, Locale locale, String key) {
        return Arrays.stream(picker.getTranslation(locale, key).split(","))
                .map(String::strip)
                .toList();
    }
}
