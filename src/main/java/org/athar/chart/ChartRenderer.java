package org.athar.chart;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.athar.i18n.Messages;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.StandardEntityCollection;
import org.jfree.chart.text.TextUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The one chart renderer of Athar: draws a statistic with JFreeChart and writes the same drawing as SVG (inline on
 * the Trends page, or a file), PNG at print resolution or vector PDF. Thread-safe; each call builds its own chart.
 */
@Component
public class ChartRenderer {

    static {
        // Measure text with fractional widths (FontMetrics.getStringBounds), as browsers and PDF viewers place
        // it, not with whole-pixel stringWidth. Athar draws every JFreeChart chart through here.
        TextUtils.setUseFontMetricsGetStringBounds(true);
    }

    private final DataNotes notes;

    public ChartRenderer(Messages messages) {
        this.notes = new DataNotes(messages);
    }

    /**
     * The chart as a file in {@code format}. Notes the data calls for (what hatching means, reports a map cannot
     * place) are added after the caller's notes.
     *
     * @throws IllegalArgumentException when the size leaves no room for a legible chart, or the data does not fit
     *     the chart kind (the message says which)
     */
    public byte[] render(ChartData data, ChartText text, Locale locale, ChartFormat format, ChartSize size) {
        size.requireRasterBudget(format);
        size.requireRoomFor(format);
        Locale target = Messages.supported(locale);
        ChartText full = text.withNotes(notes.of(data, target));
        Drawing drawing = drawing(
                data,
                full,
                target,
                size.drawingWidth(format),
                size.drawingHeight(format),
                notes.nothingMatches(data, target));
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        return switch (format) {
            case PNG -> PngOutput.write(drawing, size, info);
            case PDF -> PdfOutput.write(drawing, full, size, info);
            case SVG -> svgFile(SvgOutput.draw(drawing, full, target, size, info));
        };
    }

    /** An SVG file whose ids come from its content: the same chart, the same bytes; two charts, no shared id. */
    private static byte[] svgFile(Element root) {
        SvgIds.prefix(root, SvgIds.of(SvgOutput.serialize(root, false)));
        return SvgOutput.serialize(root, true).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The chart as an SVG element to put inline in a page: the same drawing as {@link #render} in SVG, plus one
     * invisible {@code <path class="athar-slice">} per bar, segment or region on top, with {@code data-key} (or
     * {@code data-row} and {@code data-col} for a cross-tab) and a {@code <title>} tooltip such as "Aleppo: 1,204".
     * Its ids are its own (no other chart on the page shares one) and it is as wide as its container.
     */
    public String interactiveSvg(ChartData data, ChartText text, Locale locale, ChartSize size) {
        Locale target = Messages.supported(locale);
        ChartText full = text.withNotes(notes.of(data, target));
        Drawing drawing = drawing(data, full, target, size.width(), size.height(), notes.nothingMatches(data, target));
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        Element root = SvgOutput.draw(drawing, full, target, size, info);
        SvgOverlays.add(root, info, drawing);
        // Several charts share a page: each gets ids of its own, and scales to its card.
        SvgIds.prefix(root, SvgIds.random());
        SvgOutput.fitToContainer(root);
        return SvgOutput.serialize(root, false);
    }

    static Drawing drawing(ChartData data, ChartText text, Locale locale, double width, double height) {
        return drawing(data, text, locale, width, height, Optional.empty());
    }

    /** The drawing, or (when {@code nothing} says no report matches) the chart's texts around that message. */
    static Drawing drawing(
            ChartData data, ChartText text, Locale locale, double width, double height, Optional<String> nothing) {
        ChartStyle style = new ChartStyle(locale, width, height);
        if (nothing.isPresent()) {
            return EmptyChart.build(nothing.get(), text, style);
        } else if (data instanceof ChartData.Timeline timeline) {
            return TimelineChart.build(timeline, text, style, width * 0.86);
        } else if (data instanceof ChartData.Bars bars) {
            return BarChart.build(bars, text, style);
        } else if (data instanceof ChartData.StackedBars stacked) {
            return StackedBarChart.build(stacked, text, style);
        } else if (data instanceof ChartData.GovernorateMap map) {
            return MapChart.governorates(map, text, style);
        } else {
            return MapChart.districts((ChartData.DistrictMap) data, text, style);
        }
    }
}
