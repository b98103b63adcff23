package org.athar.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * Puts a plot in its frame: title, subtitle and legend above; notes, caveat and footer below; aligned to the
 * reader's start edge (right in Arabic), on white with no border.
 */
final class ChartLayout {

    private ChartLayout() {}

    static JFreeChart chart(Plot plot, ChartText text, ChartStyle style, boolean legend) {
        JFreeChart chart = new JFreeChart(null, style.titleFont(), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(style.px(10), style.px(12), style.px(8), style.px(12)));
        chart.setTitle(title(text.title(), style.titleFont(), ChartStyle.INK, RectangleEdge.TOP, style, 2));
        text.subtitle()
                .ifPresent(s -> chart.addSubtitle(
                        title(s, style.subtitleFont(), ChartStyle.MUTED, RectangleEdge.TOP, style, 6)));
        if (legend) {
            chart.addSubtitle(legend(plot, style));
        }
        // Bottom titles stack upwards in the order added: footer lowest, then the caveat, then the notes.
        chart.addSubtitle(title(text.footer(), style.footerFont(), ChartStyle.MUTED, RectangleEdge.BOTTOM, style, 1));
        chart.addSubtitle(title(text.caveat(), style.noteFont(), ChartStyle.INK, RectangleEdge.BOTTOM, style, 1));
        List<String> notes = new ArrayList<>(text.notes());
        Collections.reverse(notes);
        for (String note : notes) {
            chart.addSubtitle(title(note, style.noteFont(), ChartStyle.MUTED, RectangleEdge.BOTTOM, style, 1));
        }
        return chart;
    }

    private static TextTitle title(
            String text, Font font, Color paint, RectangleEdge edge, ChartStyle style, double gapBelow) {
        HorizontalAlignment start = style.rightToLeft() ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT;
        TextTitle title = new TextTitle(
                style.directed(text),
                font,
                paint,
                edge,
                start,
                VerticalAlignment.CENTER,
                new RectangleInsets(style.px(1), 0, style.px(gapBelow), 0));
        title.setTextAlignment(start);
        title.setMaximumLinesToDisplay(3);
        return title;
    }

    private static LegendTitle legend(Plot plot, ChartStyle style) {
        LegendItemSource source = style.rightToLeft() ? () -> reversed(plot.getLegendItems()) : plot;
        LegendTitle legend = new LegendTitle(source);
        legend.setPosition(RectangleEdge.TOP);
        legend.setHorizontalAlignment(style.rightToLeft() ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT);
        legend.setItemFont(style.tickFont());
        legend.setItemPaint(ChartStyle.INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setMargin(new RectangleInsets(0, 0, style.px(4), 0));
        legend.setItemLabelPadding(new RectangleInsets(style.px(1), style.px(3), style.px(1), style.px(9)));
        if (style.rightToLeft()) {
            legend.setItemLabelPadding(new RectangleInsets(style.px(1), style.px(9), style.px(1), style.px(3)));
            legend.setLegendItemGraphicEdge(RectangleEdge.RIGHT);
            legend.setLegendItemGraphicAnchor(RectangleAnchor.CENTER);
            legend.setLegendItemGraphicLocation(RectangleAnchor.CENTER);
        }
        return legend;
    }

    private static LegendItemCollection reversed(LegendItemCollection items) {
        LegendItemCollection out = new LegendItemCollection();
        for (int i = items.getItemCount() - 1; i >= 0; i--) {
            LegendItem item = items.get(i);
            out.add(item);
        }
        return out;
    }
}
