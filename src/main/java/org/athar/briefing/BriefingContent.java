package org.athar.briefing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.athar.analytics.DisclosureProfile;
import org.athar.chart.ChartFormat;
import org.athar.chart.ChartService;
import org.athar.chart.ChartSize;
import org.athar.i18n.Messages;

/**
 * A briefing rebuilt against current data, in its language: every text a file shows, the figures as sentences, and
 * the charts to draw. The DOCX, PPTX and PDF writers lay out exactly this, so the three files say the same.
 *
 * @param period the period the figures cover, in words ("2013 – 2015"), for the title page
 * @param organisation who issues the briefing (name, contact, logo), each printed only when set
 */
record BriefingContent(
        String title,
        Locale locale,
        DisclosureProfile profile,
        String generated,
        boolean synthetic,
        String period,
        BriefingOrganisation organisation,
        List<String> paragraphs,
        List<Figure> figures,
        List<Chart> charts,
        List<String> method,
        Messages messages,
        Drawer drawer) {

    /** A key figure as a sentence, and its filters in words. */
    record Figure(String sentence, String filters) {}

    /**
     * A chart: its caption (may be empty), its title (the drawing's own title, the picture's alternative text), and
     * what to draw. The drawing carries the chart's filters, notes, caveat and sources itself, so the files print only
     * the caption under it.
     */
    record Chart(String caption, String title, ChartService.Spec spec) {

        /** Drawing size for files: the Trends page's layout, at twice its pixels (192 dpi, sharp in print). */
        ChartSize printSize() {
            ChartSize screen = ChartService.screenSize(spec.kind());
            return new ChartSize(screen.width() * 2, screen.height() * 2, 192);
        }

        ChartSize vectorSize() {
            return ChartService.screenSize(spec.kind());
        }
    }

    /** Draws a chart for the viewer the briefing is exported for. */
    interface Drawer {
        byte[] draw(ChartService.Spec spec, ChartFormat format, ChartSize size);
    }

    boolean rightToLeft() {
        return Messages.isRightToLeft(locale);
    }

    String text(String key, Object... params) {
        return messages.get(key, locale, params);
    }

    String caveat() {
        return text("caveat.documented");
    }

    String profileLine(int k) {
        return profile == DisclosureProfile.PUBLIC
                ? text("briefing.profile.public", k)
                : text("briefing.profile.internal");
    }

    String periodLine() {
        return text("briefing.period", period);
    }

    /** "Chart 2: caption" under the second chart; empty when the chart has no caption. */
    Optional<String> caption(int number, Chart chart) {
        return chart.caption().isEmpty()
                ? Optional.empty()
                : Optional.of(text("briefing.chart.caption.label", number, chart.caption()));
    }

    /** Article 2 of the Convention, its citation, and what the records hold beyond it. */
    List<String> definition() {
        return List.of(
                text("briefing.definition.text"),
                text("briefing.definition.source"),
                text("briefing.definition.non-state"));
    }

    /** "Page 3 of 7", with the organisation's name before it when one is set. */
    String footer(int page, int pages) {
        String number = text("briefing.page", page, pages);
        return organisation
                .name(locale)
                .map(n -> n + text("chart.separator.parts") + number)
                .orElse(number);
    }

    /** The organisation's name and contact, one line each, for the title page. */
    List<String> issuer() {
        return Stream.of(organisation.name(locale), organisation.contact())
                .flatMap(Optional::stream)
                .toList();
    }
}
