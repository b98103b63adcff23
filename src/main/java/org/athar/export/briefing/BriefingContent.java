package org.athar.export.briefing;

import java.util.List;
import java.util.Locale;
import org.athar.analytics.DisclosureProfile;
import org.athar.export.chart.ChartFormat;
import org.athar.export.chart.ChartService;
import org.athar.export.chart.ChartSize;
import org.athar.i18n.Messages;

/**
 * A briefing rebuilt against current data, in its language: every text a file shows, the figures as sentences, and
 * the charts to draw. The DOCX, PPTX and PDF writers lay out exactly this, so the three files say the same.
 */
record BriefingContent(String title, Locale locale, DisclosureProfile profile, String generated, boolean synthetic,
        List<String> paragraphs, List<Figure> figures, List<Chart> charts, List<String> method, Messages messages,
        Drawer drawer) {

    /** A key figure as a sentence, and its filters in words. */
    record Figure(String sentence, String filters) {}

    /** A chart: its caption (may be empty), its filters in words, and what to draw. */
    record Chart(String caption, String filters, ChartService.Spec spec) {

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
        return profile == DisclosureProfile.PUBLIC ? text("briefing.profile.public", k) : text("briefing.profile.internal");
    }
}
