package org.athar.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static ReportDate parsed(String text) {
        DateParseResult result = ReportDates.parse(text, TODAY);
        assertThat(result.error()).as(text).isEmpty();
        return result.date().orElseThrow();
    }

    private static String error(String text) {
        DateParseResult result = ReportDates.parse(text, TODAY);
        assertThat(result.date()).as(text).isEmpty();
        return result.error().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "2013-05-01,2013-05-01",
        "01/05/2013,2013-05-01",
        "1/5/2013,2013-05-01",
        "31/12/2013,2013-12-31",
        "2013-5-1,2013-05-01",
        "29/02/2012,2012-02-29",
        "٠١/٠٥/٢٠١٣,2013-05-01",
        "۲۰۱۳-۰۵-۰۱,2013-05-01",
        "' 2013-05-01\u200F ',2013-05-01"
    })
    void a_full_date_is_one_day_read_day_first(String text, LocalDate day) {
        assertThat(parsed(text)).isEqualTo(ReportDate.day(day));
    }

    @ParameterizedTest
    @CsvSource({"2013-05", "05/2013", "5/2013", "٠٥/٢٠١٣", "00/05/2013", "2013-05-00"})
    void a_month_is_the_interval_from_its_first_to_its_last_day(String text) {
        ReportDate date = parsed(text);
        assertThat(date.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(date.start()).contains(LocalDate.of(2013, 5, 1));
        assertThat(date.end()).contains(LocalDate.of(2013, 5, 31));
    }

    @Test
    void february_of_a_leap_year_ends_on_the_twenty_ninth() {
        assertThat(parsed("2012-02").end()).contains(LocalDate.of(2012, 2, 29));
        assertThat(parsed("02/2013").end()).contains(LocalDate.of(2013, 2, 28));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013", "٢٠١٣", "2013-00", "00/00/2013"})
    void a_year_is_the_interval_from_january_first_to_december_thirty_first(String text) {
        assertThat(parsed(text))
                .isEqualTo(new ReportDate(
                        Optional.of(LocalDate.of(2013, 1, 1)),
                        Optional.of(LocalDate.of(2013, 12, 31)),
                        DatePrecision.YEAR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "unknown", "Unknown", "مجهول", "غير معروف", "0000-00-00", "00/00/0000", "n/a"})
    void unknown_markers_give_an_unknown_date_without_any_day(String text) {
        ReportDate date = parsed(text);
        assertThat(date).isEqualTo(ReportDate.unknown());
        assertThat(date.start()).isEmpty();
        assertThat(date.end()).isEmpty();
        assertThat(date.isKnown()).isFalse();
    }

    @Test
    void impossible_days_are_rejected_with_the_reason() {
        assertThat(error("2013-02-30")).contains("'2013-02-30'").contains("February 2013 has no day 30");
        assertThat(error("31/04/2013")).contains("'31/04/2013'").contains("April 2013 has no day 31");
        assertThat(error("29/02/2013")).contains("February 2013 has no day 29");
        assertThat(error("2013-13")).contains("no month 13");
        assertThat(error("13/13/2013")).contains("no month 13");
        assertThat(error("15/00/2013")).contains("a day but no month");
    }

    @Test
    void dates_after_today_are_rejected() {
        assertThat(error("2026-11-30")).contains("in the future").contains("2026-11-29");
        assertThat(error("2026-12")).contains("in the future");
        assertThat(error("2027")).contains("in the future");
    }

    @Test
    void a_period_that_has_started_by_today_is_accepted_whole() {
        assertThat(parsed("2026-11-29")).isEqualTo(ReportDate.day(TODAY));
        assertThat(parsed("2026-11")).isEqualTo(ReportDate.month(YearMonth.of(2026, 11)));
        assertThat(parsed("2026")).isEqualTo(ReportDate.year(Year.of(2026)));
    }

    @Test
    void dates_before_1900_are_rejected() {
        assertThat(error("1899-12-31")).contains("before 1900");
        assertThat(error("0213")).contains("before 1900");
        assertThat(parsed("1900").start()).contains(LocalDate.of(1900, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"May 2013", "2013/05/01", "01-05-2013", "13", "20130501", "1/5/13", "spring 2013"})
    void other_forms_are_rejected_naming_the_accepted_ones(String text) {
        assertThat(error(text))
                .contains("'" + text + "'")
                .contains("not in a recognised date form")
                .contains("YYYY-MM-DD")
                .contains("DD/MM/YYYY")
                .contains("MM/YYYY");
    }

    @Test
    void a_report_date_cannot_pretend_a_month_is_a_day() {
        Optional<LocalDate> may15 = Optional.of(LocalDate.of(2013, 5, 15));
        Optional<LocalDate> may31 = Optional.of(LocalDate.of(2013, 5, 31));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReportDate(may15, may31, DatePrecision.MONTH));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReportDate(may15, may31, DatePrecision.DAY));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportDate(may15, Optional.empty(), DatePrecision.UNKNOWN));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReportDate(Optional.empty(), Optional.empty(), DatePrecision.YEAR));
    }
}
